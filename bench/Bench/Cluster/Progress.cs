using System.Diagnostics;

namespace Polytraders.Bench.Cluster;

/// <summary>
/// Waits for a count the benchmark observes from outside the grains to reach a target. It never waits forever: when the
/// count stands still for the stall timeout the run fails with what was reached, instead of hanging or printing a rate
/// of work that never finished.
/// </summary>
internal static class Progress
{
    /// <summary>Polls an in-process counter every millisecond, which adds at most that to a measured span.</summary>
    public static Task WaitAsync(Func<long> current, long target, TimeSpan stall, string what) =>
        WaitAsync(() => ValueTask.FromResult(current()), target, TimeSpan.FromMilliseconds(1), stall, what);

    /// <summary>Polls a count that costs a grain call every <paramref name="every"/>.</summary>
    public static async Task WaitAsync(Func<ValueTask<long>> current, long target, TimeSpan every, TimeSpan stall, string what)
    {
        var last = await current();
        var movedAt = Stopwatch.GetTimestamp();
        while (last < target)
        {
            await Task.Delay(every);
            var now = await current();
            if (now != last)
            {
                last = now;
                movedAt = Stopwatch.GetTimestamp();
            }
            else if (Stopwatch.GetElapsedTime(movedAt) > stall)
            {
                throw new BenchFailure($"{what}: {now:N0} of {target:N0}, and nothing moved for {stall.TotalSeconds:N0} s");
            }
        }
    }
}
