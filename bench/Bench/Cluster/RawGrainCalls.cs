using System.Diagnostics;

namespace Polytraders.Bench.Cluster;

/// <summary>
/// Orleans' own call rate on this machine: <c>callers</c> concurrent loops, each awaiting one call after another on a
/// grain of its own (one activation serves one call at a time, so a shared grain would measure that grain's queue).
/// </summary>
internal static class RawGrainCalls
{
    /// <returns>Calls per second, and the cores this process used meanwhile.</returns>
    public static async Task<(double PerSecond, double Cores)> MeasureAsync(IGrainFactory grains, int callers, TimeSpan warmup, TimeSpan measured)
    {
        await RunAsync(grains, callers, warmup);
        var cpu = CpuMeter.Start();
        var clock = Stopwatch.StartNew();
        var calls = await RunAsync(grains, callers, measured);
        return (calls / clock.Elapsed.TotalSeconds, cpu.Cores());
    }

    private static async Task<long> RunAsync(IGrainFactory grains, int callers, TimeSpan span)
    {
        var until = Stopwatch.GetTimestamp() + (long)(span.TotalSeconds * Stopwatch.Frequency);
        var counts = await Task.WhenAll(Enumerable.Range(0, callers).Select(async caller =>
        {
            var grain = grains.GetGrain<IBenchPingGrain>(caller);
            var calls = 0L;
            while (Stopwatch.GetTimestamp() < until)
            {
                await grain.Ping(caller);
                calls++;
            }

            return calls;
        }));
        return counts.Sum();
    }
}
