using System.Threading.Channels;
using Polytraders.Contracts;
using Polytraders.Polymarket.Clob;

namespace Polytraders.Grains.Execution.Polymarket;

/// <summary>
/// Drains market feed events into two sinks: each <see cref="PriceUpdate"/> the projector makes, and each
/// <see cref="MarketResolved"/>. A sink that throws <see cref="InvalidOperationException"/> (a market not configured)
/// skips that event only. Returns when the feed completes or <paramref name="cancellationToken"/> fires.
/// </summary>
public static class MarketFeedForwarder
{
    public static async Task ForwardAsync(
        ChannelReader<MarketFeedEvent> events,
        PriceUpdateProjector projector,
        Func<PriceUpdate, Task> publish,
        Func<MarketResolved, Task> resolve,
        Action<MarketFeedEvent, Exception>? skipped,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(projector);
        ArgumentNullException.ThrowIfNull(publish);
        ArgumentNullException.ThrowIfNull(resolve);
        await foreach (var e in events.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            try
            {
                if (e is MarketResolved resolved)
                {
                    await resolve(resolved).ConfigureAwait(false);
                }
                else if (projector.Project(e) is { } update)
                {
                    await publish(update).ConfigureAwait(false);
                }
            }
            catch (InvalidOperationException ex)
            {
                skipped?.Invoke(e, ex);
            }
        }
    }
}
