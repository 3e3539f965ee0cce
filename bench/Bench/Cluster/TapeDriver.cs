using System.Diagnostics;
using Polytraders.Contracts;

namespace Polytraders.Bench.Cluster;

/// <summary>
/// Publishes tapes round by round (one update per market per round, the markets of a round concurrently) through
/// <paramref name="publish"/> and measures delivery end to end: from the first publish until every subscriber of every
/// market has processed every update (<paramref name="delivered"/>). The raw baseline and the tick path run through this
/// one loop, so they differ only in what sits behind the publish call and behind the subscription.
/// </summary>
internal sealed class TapeDriver(TickScenario scenario, Func<int, PriceUpdate, Task> publish, Func<long> delivered, TimeSpan stall)
{
    /// <summary>
    /// How far publishing may run ahead of delivery. Memory streams queue what is published until the pulling agents
    /// deliver it, and a queue refuses more than 16 384 items, so an unpaced publisher would measure its own overflow;
    /// paced, the figure is the rate delivery sustains. Forty rounds keep every queue busy.
    /// </summary>
    private const int RoundsAhead = 40;

    /// <summary>The round the next tape starts at: a tape continues the sequence and clock of the tape before it.</summary>
    private long _nextRound;

    public async Task<DeliveryRate> RunAsync(string name, TickTape tape, int rounds)
    {
        var markets = scenario.Markets;
        var perRound = (long)markets.Count * TickScenario.SubscribersPerMarket;
        var expected = rounds * perRound;
        var baseline = delivered();
        var published = new Task[markets.Count];
        var cpu = CpuMeter.Start();
        var paused = GC.GetTotalPauseDuration();
        var allocated = GC.GetTotalAllocatedBytes();
        var clock = Stopwatch.StartNew();
        for (var r = 0; r < rounds; r++)
        {
            if (r >= RoundsAhead)
            {
                await Progress.WaitAsync(delivered, baseline + ((r - RoundsAhead + 1) * perRound), stall, $"{name}: stream deliveries");
            }

            for (var m = 0; m < markets.Count; m++)
            {
                published[m] = publish(m, tape.Tick(markets[m], m, _nextRound + r, scenario.Origin));
            }

            await Task.WhenAll(published);
        }

        await Progress.WaitAsync(delivered, baseline + expected, stall, $"{name}: stream deliveries");
        clock.Stop();
        var cores = cpu.Cores();
        var pause = GC.GetTotalPauseDuration() - paused;
        var allocations = GC.GetTotalAllocatedBytes() - allocated;
        _nextRound += rounds;
        if (delivered() - baseline > expected)
        {
            // More items than were published means a counted call is not one item: the figure would be wrong, not slow.
            throw new BenchFailure($"{name}: {delivered() - baseline:N0} deliveries counted for {expected:N0} published; the delivery count is off");
        }

        return new DeliveryRate(name, (long)rounds * markets.Count, expected, clock.Elapsed, cores, pause, GC.GetGCMemoryInfo().HeapSizeBytes, allocations);
    }
}
