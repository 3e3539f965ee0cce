using System.Diagnostics;
using Polytraders.Integration.Tests.Postgres;
using Xunit.Abstractions;

namespace Polytraders.Integration.Tests.Durable;

/// <summary>
/// A rolling restart of three silo processes on PostgreSQL, two Strategies trading: each silo in turn is stopped
/// gracefully (SIGTERM) and started again before the next. Trading pauses less than <see cref="PauseBound"/> each
/// time, and afterwards the audit chains, orders and positions are as consistent as after the chaos test.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class RollingRestartTests(PostgresServer server, ITestOutputHelper output) : IDisposable
{
    /// <summary>
    /// A silo that stops gracefully deactivates its grains and leaves the membership table itself, so no failure
    /// detection is waited for: the others learn of it from the table and gossip at once, and its grains reactivate on
    /// the next call. What remains is the stop itself (deactivations, state writes) and the reactivations, a few seconds
    /// on a loaded two-core machine; the bound leaves room for that.
    /// </summary>
    public static readonly TimeSpan PauseBound = TimeSpan.FromSeconds(30);

    private readonly TestKeys _keys = new();

    [Fact]
    public async Task stopping_each_silo_in_turn_pauses_trading_briefly_and_leaves_the_audit_chains_orders_and_positions_consistent()
    {
        var scenario = await FleetScenario.StartAsync(server, _keys, "rolling", output);
        using var fleet = scenario.Fleet;
        var pauses = new List<TimeSpan?>();
        for (var silo = 0; silo < fleet.Silos.Count; silo++)
        {
            var before = await scenario.Trading.StrategyEnvelopesAsync();
            var stopping = Stopwatch.StartNew();
            var stop = fleet.StopAsync(silo);
            var pause = await scenario.Trading.ResumedAsync(before, stopping, PauseBound + TimeSpan.FromSeconds(30), () => { });
            await stop;
            output.WriteLine($"silo {silo} stopped in {stopping.Elapsed.TotalSeconds:F1} s; trading resumed after {(pause is { } p ? $"{p.TotalSeconds:F1} s" : "(not)")}");
            pauses.Add(pause);

            await fleet.StartAsync(silo);
            fleet.Running();
            output.WriteLine($"  silo {silo} back after {stopping.Elapsed.TotalSeconds:F0} s");
        }

        output.WriteLine($"pauses: {string.Join(", ", pauses.Select(p => p is { } t ? $"{t.TotalSeconds:F1} s" : "none"))} (bound {PauseBound.TotalSeconds:F0} s)");
        await scenario.FinishAsync();
        Assert.All(pauses, p => Assert.True(p < PauseBound, $"trading paused {p?.TotalSeconds.ToString("F1", System.Globalization.CultureInfo.InvariantCulture) ?? "beyond the deadline"} (bound {PauseBound.TotalSeconds:F0} s)"));
    }

    public void Dispose() => _keys.Dispose();
}
