using System.Diagnostics;

namespace Polytraders.Bench.Cluster;

/// <summary>
/// One measured execution run: orders sent and completed (answered by the venue and booked in the Portfolio), the span
/// from the first send until the last fill was booked, the cores this process used meanwhile, and the rates of the
/// first and last windows of venue answers.
/// </summary>
internal sealed record ExecutionResult(string Profile, int Requested, int Completed, bool StoppedByBudget, TimeSpan Elapsed, double Cores, OrderWindows Windows)
{
    public double OrdersPerSecond => Completed / Elapsed.TotalSeconds;
}

/// <summary>
/// Rates over the first and the last <see cref="Size"/> venue answers: the rate of a fresh grain, and the rate after
/// everything before it. A window's rate is its orders over the time from the answer before it (for the first window:
/// the first send) to its own last answer.
/// </summary>
internal sealed record OrderWindows(int Size, double First, double Last)
{
    /// <summary>The window; runs too short for five of them use a fifth of what they reached.</summary>
    public const int Preferred = 5_000;

    public double LastOverFirst => Last / First;

    public static OrderWindows Of(ReadOnlySpan<long> answerTimes, long startedAt)
    {
        var times = answerTimes.ToArray();
        Array.Sort(times);
        var n = times.Length;
        var size = Math.Min(Preferred, Math.Max(1, n / 5));
        return new OrderWindows(size, Rate(times, startedAt, 0, size), Rate(times, startedAt, n - size, n));
    }

    private static double Rate(long[] times, long startedAt, int from, int to)
    {
        var opened = from == 0 ? startedAt : times[from - 1];
        return (to - from) / Stopwatch.GetElapsedTime(opened, times[to - 1]).TotalSeconds;
    }
}
