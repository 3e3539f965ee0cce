using System.Net.Http.Headers;
using Polytraders.Integration.Tests.Postgres;
using Xunit.Abstractions;

namespace Polytraders.Integration.Tests.Durable;

/// <summary>
/// Several real silo processes of one cluster on one PostgreSQL database, as src/Silo/Postgres/README.md runs them on
/// one machine (distinct silo, gateway and HTTP ports; each co-hosts the HTTP gateway and runs the replay), plus the
/// standalone gateway process (<c>Cluster__Clustering=AdoNet</c>). Silos are killed (SIGKILL), stopped (SIGTERM) and
/// started again on the same ports; every process's last output goes to the test log at the end.
/// </summary>
internal sealed class SiloFleet : IDisposable
{
    private const int LogLines = 120;

    /// <summary>Silos started together on two loaded cores take their time (about 50 s for three here).</summary>
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(180);

    private readonly ITestOutputHelper _output;
    private readonly ChildProcess?[] _silos;
    private readonly List<(string Name, ChildProcess Process)> _ended = [];
    private readonly int _gatewayPort = FreePort.Next();
    private ChildProcess? _gateway;

    public SiloFleet(PostgresDatabase database, string keystorePath, string clusterId, int size, int replayStepMilliseconds, ITestOutputHelper output)
    {
        _output = output;
        // One signing key for the cluster: the execution grain signs with it on whichever silo it lives.
        Silos = [.. Enumerable.Range(0, size).Select(_ => new SiloSettings(database, keystorePath, clusterId) { ReplayEnabled = true, ReplayStepMilliseconds = replayStepMilliseconds })];
        _silos = new ChildProcess?[size];
    }

    public IReadOnlyList<SiloSettings> Silos { get; }

    public string GatewayUrl => $"http://127.0.0.1:{_gatewayPort}";

    /// <summary>Starts every silo at once and waits until each one's co-hosted gateway is ready.</summary>
    public async Task StartAllAsync() => await Task.WhenAll(Enumerable.Range(0, Silos.Count).Select(StartAsync));

    public async Task StartAsync(int silo)
    {
        if (_silos[silo] is { HasExited: false })
        {
            throw new InvalidOperationException($"silo {silo} is running");
        }

        var process = ChildProcess.Start(Repo.SiloDll, [], Silos[silo].ToEnvironment());
        _silos[silo] = process;
        using var ready = await process.ReadyAsync(Silos[silo].Url, StartTimeout);
    }

    /// <summary>SIGKILL: nothing of the silo's shutdown runs.</summary>
    public void Kill(int silo) => Retire(silo, p => p.Kill(), "killed");

    /// <summary>SIGTERM and wait for a clean exit (code 0).</summary>
    public async Task StopAsync(int silo)
    {
        var process = _silos[silo] ?? throw new InvalidOperationException($"silo {silo} is not running");
        var exit = await process.TerminateAsync(TimeSpan.FromSeconds(90));
        Retire(silo, _ => { }, "stopped");
        Assert.True(exit == 0, $"silo {silo} exited with {exit} after SIGTERM:\n{process.Tail(LogLines)}");
    }

    /// <summary>The silos that are running now; fails naming a silo that exited although nobody stopped it.</summary>
    public IReadOnlyList<int> Running()
    {
        for (var i = 0; i < _silos.Length; i++)
        {
            if (_silos[i] is { HasExited: true } exited)
            {
                Assert.Fail($"silo {i} exited on its own (code {exited.ExitCode}):\n{exited.Tail(LogLines)}");
            }
        }

        return [.. Enumerable.Range(0, _silos.Length).Where(i => _silos[i] is not null)];
    }

    /// <summary>The standalone gateway, an Orleans client that finds the silos in the membership table; ready once it reaches one.</summary>
    public async Task<HttpClient> StartGatewayAsync(string apiKey)
    {
        var first = Silos[0];
        _gateway = ChildProcess.Start(Repo.GatewayDll, [], new Dictionary<string, string>
        {
            ["Cluster__Clustering"] = "AdoNet",
            ["Cluster__ConnectionString"] = first.Database.ConnectionStringFor(SiloSettings.AppRole),
            ["Cluster__ClusterId"] = first.ClusterId,
            ["Urls"] = GatewayUrl,
            [$"Gateway__ApiKeys__{TestSilo.OperatorKey}__Operator"] = "alice",
            [$"Gateway__ApiKeys__{TestSilo.OperatorKey}__Role"] = "operator",
            [$"Gateway__ApiKeys__{TestSilo.ReviewerKey}__Operator"] = "bob",
            [$"Gateway__ApiKeys__{TestSilo.ReviewerKey}__Role"] = "reviewer",
            ["Logging__LogLevel__Default"] = "Warning",
        });
        using (await _gateway.ReadyAsync(GatewayUrl, StartTimeout))
        {
        }

        // Calls that reach a silo just killed wait for the cluster to notice: longer than a readiness probe.
        var http = new HttpClient { BaseAddress = new Uri(GatewayUrl), Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        return http;
    }

    public void Dispose()
    {
        for (var i = 0; i < _silos.Length; i++)
        {
            if (_silos[i] is not null)
            {
                Retire(i, p => p.Kill(), "running at the end");
            }
        }

        if (_gateway is not null)
        {
            _gateway.Kill();
            _ended.Add(("standalone gateway", _gateway));
        }

        foreach (var (name, process) in _ended)
        {
            _output.WriteLine($"--- {name} (last {LogLines} lines)\n{process.Tail(LogLines)}");
            process.Dispose();
        }
    }

    private void Retire(int silo, Action<ChildProcess> end, string how)
    {
        var process = _silos[silo] ?? throw new InvalidOperationException($"silo {silo} is not running");
        end(process);
        _silos[silo] = null;
        _ended.Add(($"silo {silo} ({Silos[silo].Url}), {how}", process));
    }
}
