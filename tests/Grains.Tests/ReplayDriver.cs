using Polytraders.Grains.Replay;
using Polytraders.Trading.Replay;

namespace Polytraders.Grains.Tests;

/// <summary>
/// Replays the data set as the embedded default does, only faster: fills travel back to the Strategy one-way, so each
/// price is published once the last one came to rest, as wall-clock time lets them land live; the fills (at the last
/// price) then do not depend on how loaded the machine is.
/// </summary>
internal static class ReplayDriver
{
    public static async Task ReplayAllPricesAsync(IGrainFactory grains, ReplayData data, FlowTracker flow)
    {
        var replay = new PriceReplay(grains, data);
        var timeline = await ReplayTimeline.MeasureAsync(data.PricesPath, CancellationToken.None);
        await foreach (var step in replay.StepsAsync(new ReplayRun(DateTimeOffset.UtcNow, 15), timeline, 0, loop: false, CancellationToken.None))
        {
            foreach (var update in step.Updates)
            {
                await replay.PublishAsync(update);
            }

            await flow.StillAsync(CancellationToken.None);
        }
    }
}
