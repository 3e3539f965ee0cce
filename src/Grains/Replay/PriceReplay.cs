using System.Runtime.CompilerServices;
using Polytraders.Contracts;
using Polytraders.Trading.Replay;

namespace Polytraders.Grains.Replay;

/// <summary>
/// Turns a price file into market grain updates: on a <see cref="ReplayRun"/>'s clock (<see cref="StepsAsync"/>, what
/// every replaying silo publishes alike), or point by point with this instance's own sequence counter.
/// </summary>
public sealed class PriceReplay(IGrainFactory grains, ReplayData data)
{
    private readonly IReadOnlyDictionary<string, Market> _marketsByToken = data.MarketsByToken();
    private readonly Dictionary<string, long> _sequences = new(StringComparer.Ordinal);

    /// <summary>
    /// The run's steps from <paramref name="fromStep"/> on, in order: to the end of the file, or forever when
    /// <paramref name="loop"/>. The file is streamed, one timestamp's points at a time.
    /// </summary>
    public async IAsyncEnumerable<ReplayStep> StepsAsync(
        ReplayRun run,
        ReplayTimeline timeline,
        long fromStep,
        bool loop,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(timeline);
        for (var pass = fromStep / timeline.Steps; loop || pass == 0; pass++)
        {
            var skip = pass == fromStep / timeline.Steps ? fromStep % timeline.Steps : 0;
            using var reader = new StreamReader(data.PricesPath);
            var index = -1L;
            DateTimeOffset? current = null;
            List<PriceUpdate> updates = [];
            await foreach (var point in PriceCsv.ReadAsync(reader, cancellationToken).ConfigureAwait(false))
            {
                if (point.Timestamp != current)
                {
                    if (updates.Count > 0)
                    {
                        yield return new ReplayStep((pass * timeline.Steps) + index, updates);
                        updates = [];
                    }

                    current = point.Timestamp;
                    index++;
                }

                if (index >= skip)
                {
                    var step = (pass * timeline.Steps) + index;
                    updates.Add(Update(point, timeline.Timestamp(run, pass, point.Timestamp), timeline.Sequence(run, step, updates.Count)));
                }
            }

            if (updates.Count > 0)
            {
                yield return new ReplayStep((pass * timeline.Steps) + index, updates);
            }
        }
    }

    /// <summary>Hands one update to its market grain, which keeps it only if its sequence is newer than the last.</summary>
    public Task PublishAsync(PriceUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        return grains.GetGrain<IMarketGrain>(update.MarketId).Publish(update);
    }

    /// <summary>Publishes one point as it is, numbered by this instance's counter for its market.</summary>
    public Task PublishAsync(PricePoint point)
    {
        var market = MarketOf(point);
        var sequence = _sequences[market.MarketId] = _sequences.GetValueOrDefault(market.MarketId) + 1;
        return PublishAsync(Update(point, point.Timestamp, sequence));
    }

    private PriceUpdate Update(PricePoint point, DateTimeOffset timestamp, long sequence) => new()
    {
        MarketId = MarketOf(point).MarketId,
        TokenId = point.TokenId,
        Price = point.Price,
        Timestamp = timestamp,
        Sequence = sequence,
        Source = PriceUpdateSource.Replay,
    };

    private Market MarketOf(PricePoint point) => _marketsByToken.TryGetValue(point.TokenId, out var market)
        ? market
        : throw new InvalidOperationException($"Token {point.TokenId} is in no replay market.");
}
