using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.TestingHost;
using Polytraders.Contracts;
using Polytraders.Grains.Backtest;

namespace Polytraders.Grains.Tests;

/// <summary>
/// What keeps a Backtest going while nobody calls its grain, on in-process clusters. On the embedded (in-memory)
/// deployment, which has no reminder service, a run registers no reminder, and its activation outlives a short
/// collection age while it runs and is collected once it ended. On a durable deployment (here grain storage in memory,
/// reminders in memory) the resume reminder lives exactly as long as the run, a tick changes nothing about a run going,
/// and a tick for a run that ended removes a reminder left behind. The restart itself is tested on PostgreSQL
/// (Integration.Tests, BacktestRestartTests).
/// </summary>
public sealed class BacktestWakeTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(120);
    private readonly string _keystoreDirectory = Directory.CreateTempSubdirectory("polytraders-keys-").FullName;
    private InProcessTestCluster? _cluster;

    private IGrainFactory Grains => _cluster!.Client;

    public Task InitializeAsync() => Task.CompletedTask;

    [Fact]
    public async Task on_the_in_memory_deployment_a_run_nobody_calls_outlives_the_collection_age_without_a_reminder_and_its_activation_goes_once_it_ended()
    {
        _cluster = await EmbeddedCluster.DeployAsync(_keystoreDirectory, silo => silo.Services.Configure<GrainCollectionOptions>(o =>
        {
            o.CollectionQuantum = TimeSpan.FromSeconds(1);
            o.ClassSpecificCollectionAge[typeof(BacktestGrain).FullName!] = TimeSpan.FromSeconds(2);
        }));
        var grain = Grains.GetGrain<IBacktestGrain>("BT-wake-idle");
        var started = await StartAsync(grain, "synthetic-50x180");

        // Nobody calls the grain until its activation is gone: collected mid-run, the next call would start the run again.
        await UntilAsync(async () => !await IsActiveAsync(grain), "the activation collected");

        var run = (await grain.GetRun())!;
        Assert.Equal(BacktestRunStatus.Completed, run.Status);
        Assert.Equal(started.StartedAt, run.StartedAt);
        Assert.NotNull(run.Results);
    }

    [Fact]
    public async Task on_a_durable_deployment_the_resume_reminder_lives_as_long_as_the_run_and_a_late_tick_removes_one_left_behind()
    {
        _cluster = await EmbeddedCluster.DeployAsync(_keystoreDirectory, silo =>
        {
            silo.UseInMemoryReminderService();
            silo.Services.AddSingleton(new DeploymentProfile(DurableStorage: true, Name: "test (memory storage, memory reminders)"));
        });
        var reminders = ((InProcessSiloHandle)_cluster!.Silos[0]).ServiceProvider.GetRequiredService<IReminderTable>();
        var grain = Grains.GetGrain<IBacktestGrain>("BT-wake-durable");
        var id = grain.GetGrainId();
        var firstTickDue = DateTime.UtcNow.AddMinutes(1);
        var started = await StartAsync(grain, "synthetic-20x60");

        // Read before the run is seen still running: it was registered before the run was stored as going.
        Assert.NotNull(await reminders.ReadRow(id, BacktestGrain.ResumeReminder));
        Assert.Equal(BacktestRunStatus.Running, (await grain.GetRun())!.Status);

        // A tick while the run runs changes nothing: the run is not started again and the reminder stays.
        await TickAsync(id);
        Assert.NotNull(await reminders.ReadRow(id, BacktestGrain.ResumeReminder));
        var running = (await grain.GetRun())!;
        Assert.Equal(BacktestRunStatus.Running, running.Status);
        Assert.Equal(started.StartedAt, running.StartedAt);

        var run = await PollAsync(async () => await grain.GetRun() is { Status: not BacktestRunStatus.Running } r ? r : null, "the run finished");
        Assert.Equal(BacktestRunStatus.Completed, run.Status);
        Assert.Equal(started.StartedAt, run.StartedAt);
        // Gone before its first tick could come, which would remove it too: it is the run's end that unregistered it.
        await UntilAsync(async () => await reminders.ReadRow(id, BacktestGrain.ResumeReminder) is null, "the reminder unregistered before its first tick", firstTickDue - DateTime.UtcNow);
        var chain = await grain.ReadAudit(0, 1000);
        Assert.DoesNotContain(chain.Items, e => e.ReasonCode == ReasonCodes.StratBacktestResumed);

        // A reminder left behind (the activation lost between storing the end and unregistering): its tick removes it.
        await reminders.UpsertRow(new ReminderEntry { GrainId = id, ReminderName = BacktestGrain.ResumeReminder, StartAt = DateTime.UtcNow.AddHours(1), Period = TimeSpan.FromMinutes(1) });
        Assert.NotNull(await reminders.ReadRow(id, BacktestGrain.ResumeReminder));
        await TickAsync(id);
        Assert.Null(await reminders.ReadRow(id, BacktestGrain.ResumeReminder));
        Assert.Equal(run.FinishedAt, (await grain.GetRun())!.FinishedAt);
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }

        Directory.Delete(_keystoreDirectory, recursive: true);
    }

    /// <summary>
    /// Starts the sample launch on a generated data set (synthetic-20x60: 1.7 M one-minute prices, about a second of work;
    /// synthetic-50x180: 13 M, several seconds), far longer than the checks made while it runs, deciding rarely so its chain
    /// stays short. Returns the run as it started.
    /// </summary>
    private static async Task<BacktestRun> StartAsync(IBacktestGrain grain, string dataset)
    {
        var request = JsonNode.Parse(File.ReadAllText(Path.Combine(TestRepo.Root(), "fixtures", "good", "BacktestRequest", "default_window_is_the_last_180_days.json")))!;
        request["launch"]!["market_scope"] = new JsonObject { ["mode"] = "cluster", ["cluster_id"] = "synthetic" };
        request["launch"]!["parameters"]!["entry_threshold"] = 0.95;
        request["data"]!["dataset"] = dataset;
        var result = await grain.Start(ContractJson.Deserialize<BacktestRequest>(request.ToJsonString()), "alice");
        Assert.True(result.Succeeded, result.ReasonCode);
        var run = (await grain.GetRun())!;
        Assert.Equal(BacktestRunStatus.Running, run.Status);
        return run;
    }

    private async Task<bool> IsActiveAsync(IBacktestGrain grain)
    {
        var activations = await Grains.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
        return activations.Any(a => a.GrainId == grain.GetGrainId());
    }

    /// <summary>A reminder tick as the reminder service delivers it.</summary>
    private Task TickAsync(GrainId id) =>
        Grains.GetGrain<IRemindable>(id).ReceiveReminder(BacktestGrain.ResumeReminder, new TickStatus(DateTime.UtcNow, TimeSpan.FromMinutes(1), DateTime.UtcNow));

    private static Task UntilAsync(Func<Task<bool>> probe, string what, TimeSpan? within = null) =>
        PollAsync(async () => await probe() ? new object() : null, what, within);

    private static async Task<T> PollAsync<T>(Func<Task<T?>> probe, string what, TimeSpan? within = null)
        where T : class
    {
        var deadline = DateTime.UtcNow + (within ?? Deadline);
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{what}: not within {(within ?? Deadline).TotalSeconds:F0} s");
            await Task.Delay(100);
        }
    }
}
