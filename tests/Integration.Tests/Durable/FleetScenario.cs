using Polytraders.Contracts;
using Polytraders.Integration.Tests.Postgres;
using Xunit.Abstractions;

namespace Polytraders.Integration.Tests.Durable;

/// <summary>
/// The frame of the fleet tests: silo processes (three unless told) and the standalone gateway on a fresh migrated database, both
/// Strategies trading on the replay; at the end, trading stopped through the gateway, recovery given its time, and
/// <see cref="TradingInvariants"/> checked on both Portfolios.
/// </summary>
internal sealed class FleetScenario(PostgresDatabase database, SiloFleet fleet, HttpClient gateway, ITestOutputHelper output)
{
    /// <summary>
    /// A replayed minute every 100 ms: each Strategy signals a few times a second (so a pause in trading shows within a
    /// moment), and three silos publishing every point stay well within two cores.
    /// </summary>
    public const int ReplayStepMilliseconds = 100;

    /// <summary>Risk re-sends what execution never acknowledged, and silos reactivate execution, once a minute each: two rounds.</summary>
    private static readonly TimeSpan SettleDeadline = TimeSpan.FromMinutes(2.5);

    public SiloFleet Fleet => fleet;

    /// <summary>The standalone gateway, with the operator's key.</summary>
    public HttpClient Gateway => gateway;

    public FleetTrading Trading { get; } = new(database);

    public static async Task<FleetScenario> StartAsync(PostgresServer server, TestKeys keys, string clusterId, ITestOutputHelper output, int silos = 3)
    {
        var database = await server.CreateDatabaseAsync();
        using (var migrate = ChildProcess.Start(Repo.SiloDll, ["migrate", "--connection", database.ConnectionString], []))
        {
            Assert.True(await migrate.WaitForExitAsync(TimeSpan.FromSeconds(60)) == 0, migrate.Output);
        }

        var fleet = new SiloFleet(database, keys.Create("cluster").Path, clusterId, silos, ReplayStepMilliseconds, output);
        try
        {
            var started = System.Diagnostics.Stopwatch.StartNew();
            await fleet.StartAllAsync();
            var gateway = await fleet.StartGatewayAsync(TestSilo.OperatorKey);
            output.WriteLine($"{silos} silos and the standalone gateway ready in {started.Elapsed.TotalSeconds:F0} s");
            var scenario = new FleetScenario(database, fleet, gateway, output);
            await FleetTrading.LaunchAsync(gateway);
            await Eventually.True(
                async () => (await scenario.Trading.StrategyEnvelopesAsync()).Values.All(n => n > 0)
                    && await database.ScalarAsync<long>($"SELECT count(*) FROM audit_envelope WHERE reason_code = '{ReasonCodes.ExecOrderFilled}'") > 0,
                "both Strategies signalling and an order filled",
                TimeSpan.FromSeconds(120));
            output.WriteLine($"trading after {started.Elapsed.TotalSeconds:F0} s");
            return scenario;
        }
        catch
        {
            fleet.Dispose();
            throw;
        }
    }

    /// <summary>Stops both Strategies, lets recovery finish and checks every invariant on both Portfolios.</summary>
    public async Task FinishAsync()
    {
        fleet.Running();
        await FleetTrading.StopAsync(gateway);
        var invariants = new TradingInvariants(database, gateway, output);
        await invariants.SettleAsync(SettleDeadline);
        foreach (var chain in FleetTrading.Chains)
        {
            await invariants.AssertAsync(chain);
        }

        fleet.Running();
    }
}
