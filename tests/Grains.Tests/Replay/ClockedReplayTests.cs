using Polytraders.Grains.Replay;
using Polytraders.Trading.Replay;

namespace Polytraders.Grains.Tests.Replay;

/// <summary>
/// The replay every silo runs at once: on one run's clock each step's updates depend only on the run and the step, so
/// silos publish identical copies (the market grain keeps one), a silo that joins late publishes what the others do,
/// and sequences and timestamps only increase, across loops too. Pure: nothing is published.
/// </summary>
public sealed class ClockedReplayTests
{
    private static readonly ReplayRun Run = new(new DateTimeOffset(2026, 11, 20, 9, 30, 12, 345, TimeSpan.Zero), 100);

    [Fact]
    public async Task two_silos_on_one_run_publish_the_same_updates_and_a_late_joiner_publishes_what_the_others_do_from_its_step()
    {
        var (data, timeline) = await LoadAsync();
        var early = await StepsAsync(data, timeline, from: 0, count: timeline.Steps + 20);
        var late = await StepsAsync(data, timeline, from: timeline.Steps - 5, count: 25);

        Assert.Equal(360, timeline.Steps);
        Assert.Equal(6, timeline.PointsPerStep);
        Assert.Equal(early.Skip(timeline.Steps - 5).Take(25).Select(s => s.Number), late.Select(s => s.Number));
        Assert.Equal(
            early.Skip(timeline.Steps - 5).Take(25).SelectMany(s => s.Updates).Select(u => u.ToString()),
            late.SelectMany(s => s.Updates).Select(u => u.ToString()));
    }

    [Fact]
    public async Task sequences_and_timestamps_of_each_market_only_increase_across_loops_and_the_first_minute_is_the_runs()
    {
        var (data, timeline) = await LoadAsync();
        var steps = await StepsAsync(data, timeline, from: 0, count: (2 * timeline.Steps) + 3);

        Assert.Equal(new DateTimeOffset(2026, 11, 20, 9, 30, 0, TimeSpan.Zero), steps[0].Updates[0].Timestamp);
        foreach (var market in steps.SelectMany(s => s.Updates).GroupBy(u => u.MarketId))
        {
            var updates = market.ToList();
            Assert.True(updates.Zip(updates.Skip(1)).All(p => p.Second.Sequence > p.First.Sequence && p.Second.Timestamp > p.First.Timestamp), market.Key);
        }
    }

    [Fact]
    public void a_silo_joins_at_the_step_due_now_and_a_later_run_numbers_above_an_earlier_one()
    {
        var timeline = new ReplayTimeline(DateTimeOffset.UnixEpoch, Steps: 360, PointsPerStep: 6, LoopLength: TimeSpan.FromMinutes(360));

        Assert.Equal(0, ReplayTimeline.StepAt(Run, Run.Start.AddSeconds(-3)));
        Assert.Equal(123, ReplayTimeline.StepAt(Run, Run.Start.AddMilliseconds(12_399)));
        Assert.Equal(Run.Start.AddMilliseconds(12_300), ReplayTimeline.DueAt(Run, 123));
        var later = Run with { Start = ReplayTimeline.DueAt(Run, 5000).AddMinutes(6) };
        Assert.True(timeline.Sequence(later, 0, 0) > timeline.Sequence(Run, 5000, 5));
    }

    private static async Task<(ReplayData Data, ReplayTimeline Timeline)> LoadAsync()
    {
        var data = await ReplayData.LoadAsync(Path.Combine(TestRepo.Root(), "fixtures", "replay"), DateTimeOffset.UtcNow, CancellationToken.None);
        return (data, await ReplayTimeline.MeasureAsync(data.PricesPath, CancellationToken.None));
    }

    private static async Task<List<ReplayStep>> StepsAsync(ReplayData data, ReplayTimeline timeline, long from, int count)
    {
        // Stepping publishes nothing, so no grain factory is needed.
        var replay = new PriceReplay(null!, data);
        var steps = new List<ReplayStep>();
        await foreach (var step in replay.StepsAsync(Run, timeline, from, loop: true, CancellationToken.None))
        {
            steps.Add(step);
            if (steps.Count == count)
            {
                break;
            }
        }

        return steps;
    }
}
