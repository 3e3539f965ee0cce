using System.Diagnostics;
using System.Globalization;
using Polytraders.Integration.Tests.Postgres;
using Xunit.Abstractions;

namespace Polytraders.Integration.Tests.Durable;

/// <summary>
/// Three silo processes on PostgreSQL (each co-hosting the HTTP gateway and replaying prices) and the standalone
/// gateway, two Strategies trading; every 20-40 s a random silo is killed (SIGKILL) and, once trading has resumed
/// without it, started again. The other silos keep running and trading resumes within <see cref="ResumeBound"/> of
/// each kill; afterwards every audit chain verifies, nothing is signed or submitted twice, each accepted intent has one
/// outcome and positions equal the fills.
/// </summary>
/// <remarks>
/// CI runs <see cref="DefaultKills"/> kills (about three minutes in all). A longer run:
/// <c>POLYTRADERS_CHAOS_MINUTES=10 dotnet test tests/Integration.Tests --filter Chaos</c>
/// (<c>POLYTRADERS_CHAOS_SEED=n</c> repeats a run's choice of silos and intervals; the seed is printed).
/// </remarks>
[Collection(PostgresCollection.Name)]
public sealed class ChaosTests(PostgresServer server, ITestOutputHelper output) : IDisposable
{
    private const int DefaultKills = 3;

    /// <summary>
    /// Orleans' failure detection with its defaults (ClusterMembershipOptions): a silo is declared dead after
    /// NumMissedProbesLimit (3) missed probes from NumVotesForDeathDeclaration (2) silos, each probe waiting up to its
    /// adaptive timeout, 5 s initially and at most MaxProbeTimeout = 4 × ProbeTimeout = 20 s: 15 s typically, 60 s at
    /// worst. Then the survivors' calls to it fail over (the caller's ResponseTimeout, 30 s, bounds a call already
    /// sent), its grains reactivate elsewhere and the replay catches up. 60 s + 30 s.
    /// </summary>
    public static readonly TimeSpan ResumeBound = TimeSpan.FromSeconds(90);

    private readonly TestKeys _keys = new();

    [Fact]
    public async Task killing_random_silos_leaves_the_others_trading_and_the_audit_chains_orders_and_positions_consistent()
    {
        var minutes = Environment.GetEnvironmentVariable("POLYTRADERS_CHAOS_MINUTES") is { Length: > 0 } m ? double.Parse(m, CultureInfo.InvariantCulture) : (double?)null;
        var seed = Environment.GetEnvironmentVariable("POLYTRADERS_CHAOS_SEED") is { Length: > 0 } s ? int.Parse(s, CultureInfo.InvariantCulture) : Environment.TickCount;
        var random = new Random(seed);
        output.WriteLine($"seed {seed}; {(minutes is { } n ? $"kills for {n} minute(s)" : $"{DefaultKills} kills")}");

        var scenario = await FleetScenario.StartAsync(server, _keys, "chaos", output);
        using var fleet = scenario.Fleet;
        var chaos = Stopwatch.StartNew();
        var resumed = new List<(int Silo, TimeSpan? After)>();
        while (minutes is { } limit ? chaos.Elapsed < TimeSpan.FromMinutes(limit) : resumed.Count < DefaultKills)
        {
            var next = chaos.Elapsed + TimeSpan.FromSeconds(random.Next(20, 41));
            var victim = random.Next(fleet.Silos.Count);
            var at = chaos.Elapsed;
            var after = await KillAsync(scenario, victim);
            resumed.Add((victim, after));
            output.WriteLine($"kill {resumed.Count}: silo {victim} at {at.TotalSeconds:F0} s; trading resumed after {Seconds(after)}");

            await fleet.StartAsync(victim);
            output.WriteLine($"  silo {victim} back at {chaos.Elapsed.TotalSeconds:F0} s");

            // The standalone gateway lost the silo too (maybe the one it was connected to) and still serves.
            var portfolio = await FleetTrading.SendAsync(scenario.Gateway, HttpMethod.Get, "/api/v1/portfolios/PORT-001", null);
            Assert.True(portfolio.IsSuccessStatusCode, $"GET /api/v1/portfolios/PORT-001 through the standalone gateway: {(int)portfolio.StatusCode}");
            while (chaos.Elapsed < next)
            {
                fleet.Running();
                await Task.Delay(500);
            }
        }

        output.WriteLine($"{resumed.Count} kills in {chaos.Elapsed.TotalSeconds:F0} s; resume times: {string.Join(", ", resumed.Select(r => Seconds(r.After)))} (bound {ResumeBound.TotalSeconds:F0} s)");
        await scenario.FinishAsync();
        Assert.All(resumed, r => Assert.True(r.After <= ResumeBound, $"trading did not resume within {ResumeBound.TotalSeconds:F0} s of killing silo {r.Silo}"));
    }

    /// <summary>
    /// The README's two silos (src/Silo/Postgres/README.md): one is killed and not started again; the survivor goes on
    /// running and trading alone, within the same bound, and the trail stays consistent.
    /// </summary>
    [Fact]
    public async Task of_the_readmes_two_silos_one_killed_the_survivor_keeps_trading_alone()
    {
        var scenario = await FleetScenario.StartAsync(server, _keys, "two-silos", output, silos: 2);
        using var fleet = scenario.Fleet;
        var victim = Environment.TickCount & 1;
        var after = await KillAsync(scenario, victim);
        output.WriteLine($"silo {victim} of 2 killed; trading resumed after {Seconds(after)} (bound {ResumeBound.TotalSeconds:F0} s)");

        // The survivor trades on alone for a while, then everything is checked.
        var alone = await scenario.Trading.StrategyEnvelopesAsync();
        var trading = await scenario.Trading.ResumedAsync(alone, Stopwatch.StartNew(), ResumeBound, () => fleet.Running());
        Assert.Equal([1 - victim], fleet.Running());
        await scenario.FinishAsync();
        Assert.True(after <= ResumeBound, $"trading did not resume within {ResumeBound.TotalSeconds:F0} s of the kill");
        Assert.NotNull(trading);
    }

    public void Dispose() => _keys.Dispose();

    /// <summary>Kills <paramref name="silo"/> (SIGKILL) and measures until every Strategy has appended an envelope again.</summary>
    private static async Task<TimeSpan?> KillAsync(FleetScenario scenario, int silo)
    {
        var before = await scenario.Trading.StrategyEnvelopesAsync();
        var killed = Stopwatch.StartNew();
        scenario.Fleet.Kill(silo);
        return await scenario.Trading.ResumedAsync(before, killed, ResumeBound + TimeSpan.FromSeconds(30), () => scenario.Fleet.Running());
    }

    private static string Seconds(TimeSpan? time) => time is { } t ? $"{t.TotalSeconds:F1} s" : "(not within the deadline)";
}
