using Polytraders.Contracts;
using Polytraders.Trading.Replay;

namespace Polytraders.Grains.Replay;

/// <summary>
/// A price file laid on a <see cref="ReplayRun"/>'s clock: step k (one recorded timestamp; steps are counted across
/// loops) is due at a fixed time, and its points get sequence numbers and timestamps that depend only on the run and
/// k. So every silo that replays the same file in the same run publishes the same updates, and a market grain keeps
/// the first copy of each; each loop re-publishes the file shifted forward by its own length, so timestamps and
/// sequences only ever increase.
/// </summary>
/// <param name="First">The file's first timestamp.</param>
/// <param name="Steps">Distinct timestamps in the file: the steps of one loop.</param>
/// <param name="PointsPerStep">The most points one timestamp holds: the sequence numbers a step reserves.</param>
/// <param name="LoopLength">How far each loop shifts the recorded times: one step past the last point.</param>
public sealed record ReplayTimeline(DateTimeOffset First, int Steps, int PointsPerStep, TimeSpan LoopLength)
{
    /// <summary>Reads the file once (streaming) for its shape.</summary>
    public static async Task<ReplayTimeline> MeasureAsync(string pricesPath, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(pricesPath);
        DateTimeOffset? first = null;
        DateTimeOffset? current = null;
        int steps = 0, points = 0, most = 0;
        await foreach (var point in PriceCsv.ReadAsync(reader, cancellationToken).ConfigureAwait(false))
        {
            first ??= point.Timestamp;
            if (point.Timestamp != current)
            {
                current = point.Timestamp;
                steps++;
                points = 0;
            }

            most = Math.Max(most, ++points);
        }

        return first is { } start
            ? new ReplayTimeline(start, steps, most, current!.Value - start + TimeSpan.FromMinutes(1))
            : throw new InvalidOperationException($"{pricesPath} holds no price.");
    }

    /// <summary>The step due at <paramref name="now"/>: where a silo joining the run starts (0 for an unpaced run).</summary>
    public static long StepAt(ReplayRun run, DateTimeOffset now) =>
        run.StepMilliseconds <= 0 || now <= run.Start ? 0 : (long)((now - run.Start).TotalMilliseconds / run.StepMilliseconds);

    public static DateTimeOffset DueAt(ReplayRun run, long step) => run.Start + TimeSpan.FromMilliseconds((double)step * Math.Max(run.StepMilliseconds, 0));

    /// <summary>
    /// The sequence of the <paramref name="point"/>-th point of <paramref name="step"/>. It counts steps from the Unix
    /// epoch on the run's clock, so a later run (started after an earlier one expired) continues above it.
    /// </summary>
    public long Sequence(ReplayRun run, long step, int point) =>
        ((run.Start.ToUnixTimeMilliseconds() / Math.Max(run.StepMilliseconds, 1)) + step) * PointsPerStep + point + 1;

    /// <summary>The published time of a point recorded at <paramref name="recorded"/> in loop <paramref name="loop"/>: the run's first minute is the first recorded one.</summary>
    public DateTimeOffset Timestamp(ReplayRun run, long loop, DateTimeOffset recorded) =>
        FirstMinuteOf(run) + (recorded - First) + (LoopLength * loop);

    /// <summary>The minute the run publishes the file's first recorded timestamp at: the minute it started in.</summary>
    public static DateTimeOffset FirstMinuteOf(ReplayRun run)
    {
        var start = run.Start.ToUniversalTime();
        return new DateTimeOffset(start.Year, start.Month, start.Day, start.Hour, start.Minute, 0, TimeSpan.Zero);
    }
}

/// <summary>One replay step: its number on the run's clock and the updates it publishes, in file order.</summary>
public sealed record ReplayStep(long Number, IReadOnlyList<PriceUpdate> Updates);
