using Polytraders.Contracts;
using Polytraders.Polymarket.Clob;

namespace Polytraders.Grains.Execution.Polymarket;

/// <summary>
/// Market feed events → <see cref="PriceUpdate"/>s (source "venue"). A trade gives its price; a book, price change or
/// best bid/ask gives the midpoint of the top of the book, with the bid and ask. Prices outside (0, 1) (an empty side
/// shows as 0 or 1) give no update. Sequences count per market from <c>firstSequence</c>; a <see cref="FeedGap"/>
/// skips one number in every affected market, so consumers see the gap the schema's sequence exists to show.
/// </summary>
public sealed class PriceUpdateProjector(long firstSequence = 1)
{
    private readonly Dictionary<string, long> _sequences = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (decimal? Bid, decimal? Ask)> _tops = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _marketOfAsset = new(StringComparer.Ordinal);

    public PriceUpdate? Project(MarketFeedEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e is FeedGap gap)
        {
            foreach (var market in gap.AssetIds.Select(a => _marketOfAsset.GetValueOrDefault(a)).OfType<string>().Distinct(StringComparer.Ordinal))
            {
                _sequences[market] = Next(market);
            }

            return null;
        }

        if (string.IsNullOrEmpty(e.Market) || string.IsNullOrEmpty(e.AssetId))
        {
            return null;
        }

        _marketOfAsset[e.AssetId] = e.Market;
        switch (e)
        {
            case LastTradePrice trade:
                var top = _tops.GetValueOrDefault(e.AssetId);
                return Update(e, trade.Price, top.Bid, top.Ask);
            case BookSnapshot book:
                return Quote(e, book.BestBid, book.BestAsk);
            case PriceLevelChange change when change.BestBid is not null || change.BestAsk is not null:
                return Quote(e, change.BestBid, change.BestAsk);
            case BestBidAsk best:
                return Quote(e, best.BestBid, best.BestAsk);
            default:
                return null;
        }
    }

    private PriceUpdate? Quote(MarketFeedEvent e, decimal? bid, decimal? ask)
    {
        bid = Inside(bid);
        ask = Inside(ask);
        _tops[e.AssetId] = (bid, ask);
        return bid is { } b && ask is { } a && b <= a ? Update(e, (b + a) / 2, bid, ask) : null;
    }

    private PriceUpdate? Update(MarketFeedEvent e, decimal price, decimal? bid, decimal? ask)
    {
        if (Inside(price) is null)
        {
            return null;
        }

        var sequence = _sequences[e.Market] = Next(e.Market);
        return new PriceUpdate
        {
            MarketId = e.Market,
            TokenId = e.AssetId,
            Price = price,
            BestBid = Inside(bid),
            BestAsk = Inside(ask),
            Timestamp = e.Timestamp,
            Sequence = sequence,
            Source = PriceUpdateSource.Venue,
        };
    }

    private long Next(string market) => _sequences.TryGetValue(market, out var last) ? last + 1 : firstSequence;

    private static decimal? Inside(decimal? price) => price is > 0m and < 1m ? price : null;
}
