using Polytraders.Contracts;
using Polytraders.Trading.Replay;

namespace Polytraders.Grains.Replay;

/// <summary>
/// Publishes a price file into the market grains one timestamp at a time. A loop re-publishes the file shifted forward
/// by its own length, so timestamps and per-market sequence numbers only ever increase.
/// </summary>
public sealed class PriceReplay(IGrainFactory grains, ReplayData data)
{
    private readonly IReadOnlyDictionary<string, Market> _marketsByToken = data.MarketsByToken();
    private readonly Dictionary<string, long> _sequences = new(StringComparer.Ordinal);

    /// <summary>Publishes every point once, shifted by <paramref name="shift"/>, awaiting <paramref name="betweenSteps"/> between timestamps.</summary>
    public async Task<TimeSpan> PublishAsync(TimeSpan shift, Func<CancellationToken, Task> betweenSteps, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(data.PricesPath);
        DateTimeOffset? first = null;
        DateTimeOffset? current = null;
        await foreach (var point in PriceCsv.ReadAsync(reader, cancellationToken).ConfigureAwait(false))
        {
            first ??= point.Timestamp;
            if (current is not null && point.Timestamp != current)
            {
                await betweenSteps(cancellationToken).ConfigureAwait(false);
            }

            current = point.Timestamp;
            await PublishAsync(point with { Timestamp = point.Timestamp + shift }).ConfigureAwait(false);
        }

        // One step past the last point, so the next loop does not repeat a timestamp.
        return current is null ? TimeSpan.Zero : current.Value - first!.Value + TimeSpan.FromMinutes(1);
    }

    public Task PublishAsync(PricePoint point)
    {
        var market = _marketsByToken.TryGetValue(point.TokenId, out var m)
            ? m
            : throw new InvalidOperationException($"Token {point.TokenId} is in no replay market.");
        var sequence = _sequences[market.MarketId] = _sequences.GetValueOrDefault(market.MarketId) + 1;
        return grains.GetGrain<IMarketGrain>(market.MarketId).Publish(new PriceUpdate
        {
            MarketId = market.MarketId,
            TokenId = point.TokenId,
            Price = point.Price,
            Timestamp = point.Timestamp,
            Sequence = sequence,
            Source = PriceUpdateSource.Replay,
        });
    }
}
