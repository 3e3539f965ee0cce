using Polytraders.Contracts;
using Polytraders.Grains;
using Polytraders.Grains.Replay;
using Polytraders.Integration.Tests.Postgres;
using Polytraders.Trading.Replay;
using Xunit.Abstractions;

namespace Polytraders.Integration.Tests.Durable;

/// <summary>The Postgres profile of the real silo host: state, membership, reminders and stream subscriptions survive a restart; two silos form one cluster.</summary>
[Collection(PostgresCollection.Name)]
public sealed class DurableSiloTests(PostgresServer server, ITestOutputHelper output) : IDisposable
{
    private const int ActiveStatus = 3;
    private readonly TestKeys _keys = new();

    [Fact]
    public async Task a_launch_membership_reminders_and_stream_subscriptions_survive_a_full_silo_restart()
    {
        var database = await server.CreateDatabaseAsync();
        var settings = new SiloSettings(database, _keys.Create("silo").Path, "restart") { MigrateOnStart = true };
        var launch = MomentumLaunch();
        CommandResult launched;
        var first = await TestSilo.StartAsync(settings, output);
        try
        {
            var portfolio = first.Grains.GetGrain<IPortfolioGrain>("PORT-001");
            await Eventually.Get(() => portfolio.GetState(), "PORT-001 seeded by the replay service");
            launched = await portfolio.Launch(launch, "alice");
            Assert.True(launched.Succeeded, launched.Detail);
            await first.Grains.GetGrain<IProbeGrain>("restart-probe").RegisterReminderAsync("nightly");
        }
        finally
        {
            await first.StopAsync();
        }

        // The streams' subscriptions are grain state of the pub/sub store, in PostgreSQL.
        Assert.True(await database.ScalarAsync<long>("SELECT count(*) FROM OrleansStorage WHERE GrainTypeString = 'PubSubRendezvousGrain'") > 0);

        var second = await TestSilo.StartAsync(settings with { MigrateOnStart = false }, output);
        try
        {
            var state = await second.Grains.GetGrain<IPortfolioGrain>("PORT-001").GetState();
            Assert.NotNull(state);
            Assert.Equal(launch.StrategyId, state.BoundStrategyId);
            Assert.Equal(launched.Id, state.ActiveLaunchId);
            Assert.Single(state.Launches);
            var strategy = await second.Grains.GetGrain<IStrategyGrain>(launch.StrategyId).GetState();
            Assert.Equal(StrategyStateStatus.Running, strategy.Status);
            Assert.Equal(3, strategy.MarketsInScope.Count);
            Assert.True(await second.Grains.GetGrain<IProbeGrain>("restart-probe").HasReminderAsync("nightly"));
            Assert.Equal(2L, await database.ScalarAsync<long>("SELECT count(*) FROM OrleansMembershipTable WHERE DeploymentId = 'restart'"));
            Assert.Equal(1L, await database.ScalarAsync<long>($"SELECT count(*) FROM OrleansMembershipTable WHERE DeploymentId = 'restart' AND Status = {ActiveStatus}"));

            // Prices published after the restart reach the strategy through the subscriptions made before it.
            var replay = await ReplayData.LoadAsync(Path.Combine(AppContext.BaseDirectory, "replay"), DateTimeOffset.UtcNow, CancellationToken.None);
            var prices = new PriceReplay(second.Grains, replay);
            var inScope = replay.Markets.Where(m => strategy.MarketsInScope.Contains(m.MarketId)).SelectMany(m => m.Outcomes).Select(o => o.TokenId).ToHashSet();
            using var reader = new StreamReader(replay.PricesPath);
            var published = 0;
            await foreach (var point in PriceCsv.ReadAsync(reader))
            {
                if (inScope.Contains(point.TokenId))
                {
                    await prices.PublishAsync(point with { Timestamp = DateTimeOffset.UtcNow.AddMinutes(published++) });
                }

                if (published >= 3 * 80)
                {
                    break;
                }
            }

            var signals = await Eventually.Get(
                async () => await database.ScalarAsync<long>($"SELECT count(*) FROM audit_envelope WHERE launch_id = '{launched.Id}' AND reason_code = '{ReasonCodes.StratSignal}'") is > 0 and var n ? (long?)n : null,
                "a signal from prices published after the restart");
            output.WriteLine($"{signals} signals after the restart");

            var verification = await second.Grains.GetGrain<IAuditTrailGrain>("PORT-001").Verify();
            Assert.True(verification.Valid, verification.Problem);
        }
        finally
        {
            await second.StopAsync();
        }
    }

    [Fact]
    public async Task two_silos_on_one_database_form_one_cluster_with_one_execution_grain_that_survives_a_silo_leaving()
    {
        var database = await server.CreateDatabaseAsync();
        var (keyA, addressA) = _keys.Create("a");
        var (keyB, addressB) = _keys.Create("b");
        var a = await TestSilo.StartAsync(new SiloSettings(database, keyA, "pair") { MigrateOnStart = true }, output);
        var b = await TestSilo.StartAsync(new SiloSettings(database, keyB, "pair"), output);
        try
        {
            Assert.Equal(2L, await database.ScalarAsync<long>($"SELECT count(*) FROM OrleansMembershipTable WHERE DeploymentId = 'pair' AND Status = {ActiveStatus}"));
            var hosts = await a.Grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
            Assert.Equal(2, hosts.Count);

            // Each silo opens its own key, so the address says which silo's activation answered: both reach the same one.
            var fromA = TestKeys.Hex(await a.Grains.GetGrain<IExecutionGrain>(IExecutionGrain.Key).GetSignerAddress());
            var fromB = TestKeys.Hex(await b.Grains.GetGrain<IExecutionGrain>(IExecutionGrain.Key).GetSignerAddress());
            Assert.Equal(fromA, fromB);
            Assert.Contains(fromA, new[] { addressA, addressB });

            var (holder, survivor, survivorAddress) = fromA == addressA ? (a, b, addressB) : (b, a, addressA);
            await holder.StopAsync();

            var after = TestKeys.Hex(await survivor.Grains.GetGrain<IExecutionGrain>(IExecutionGrain.Key).GetSignerAddress());
            Assert.Equal(survivorAddress, after);
            Assert.NotNull(await survivor.Grains.GetGrain<IPortfolioGrain>("PORT-001").GetState());
            using var http = new HttpClient { BaseAddress = survivor.BaseAddress };
            http.DefaultRequestHeaders.Authorization = new("Bearer", TestSilo.ReviewerKey);
            var response = await http.GetAsync(new Uri("/api/v1/portfolios/PORT-002", UriKind.Relative));
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        }
        finally
        {
            await b.StopAsync();
            await a.StopAsync();
        }
    }

    public void Dispose() => _keys.Dispose();

    internal static StrategyLaunch MomentumLaunch() =>
        ContractJson.Deserialize<StrategyLaunch>(File.ReadAllText(Repo.Fixture("good/StrategyLaunch/momentum_on_crypto_cluster.json")));
}
