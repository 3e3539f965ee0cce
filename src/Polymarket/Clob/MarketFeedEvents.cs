using Polytraders.Polymarket.Orders;

namespace Polytraders.Polymarket.Clob;

/// <summary>
/// What the market channel reports, one record per fact. Shapes: docs.polymarket.com market-data/websocket/market-channel
/// and WsMessage in rs-clob-client-v2 src/clob/ws/types/response.rs. Timestamps are the venue's (Unix ms).
/// <see cref="Market"/> is the condition id; <see cref="AssetId"/> the outcome token id.
/// </summary>
public abstract record MarketFeedEvent(string Market, string AssetId, DateTimeOffset Timestamp);

/// <summary>"book": the full book of a token, sent on subscribe and after trades. <see cref="AfterGap"/>: the first snapshot after a reconnect.</summary>
public sealed record BookSnapshot(
    string Market,
    string AssetId,
    DateTimeOffset Timestamp,
    IReadOnlyList<BookLevel> Bids,
    IReadOnlyList<BookLevel> Asks,
    string? Hash,
    bool AfterGap) : MarketFeedEvent(Market, AssetId, Timestamp)
{
    public decimal? BestBid => Bids.Count == 0 ? null : Bids.Max(l => l.Price);

    public decimal? BestAsk => Asks.Count == 0 ? null : Asks.Min(l => l.Price);
}

/// <summary>One entry of "price_change": the size now resting at a price level, and the best bid/ask after the change.</summary>
public sealed record PriceLevelChange(
    string Market,
    string AssetId,
    DateTimeOffset Timestamp,
    decimal Price,
    decimal? Size,
    OrderSide Side,
    decimal? BestBid,
    decimal? BestAsk,
    string? Hash) : MarketFeedEvent(Market, AssetId, Timestamp);

/// <summary>"last_trade_price": a trade printed at <see cref="Price"/>.</summary>
public sealed record LastTradePrice(
    string Market,
    string AssetId,
    DateTimeOffset Timestamp,
    decimal Price,
    decimal? Size,
    OrderSide? Side) : MarketFeedEvent(Market, AssetId, Timestamp);

/// <summary>"best_bid_ask" (custom feature): the top of the book.</summary>
public sealed record BestBidAsk(
    string Market,
    string AssetId,
    DateTimeOffset Timestamp,
    decimal BestBid,
    decimal BestAsk) : MarketFeedEvent(Market, AssetId, Timestamp);

/// <summary>"tick_size_change": orders must now be priced on <see cref="NewTickSize"/>.</summary>
public sealed record TickSizeChanged(
    string Market,
    string AssetId,
    DateTimeOffset Timestamp,
    decimal OldTickSize,
    decimal NewTickSize) : MarketFeedEvent(Market, AssetId, Timestamp);

/// <summary>"market_resolved" (custom feature): <see cref="MarketFeedEvent.AssetId"/> is the winning token.</summary>
public sealed record MarketResolved(
    string Market,
    string AssetId,
    DateTimeOffset Timestamp,
    string WinningOutcome,
    IReadOnlyList<string> AssetIds) : MarketFeedEvent(Market, AssetId, Timestamp);

/// <summary>
/// The connection was lost between <see cref="LostAt"/> and <see cref="ReconnectedAt"/>: updates of
/// <see cref="AssetIds"/> in between are missing. The client resubscribed; a <see cref="BookSnapshot"/> with
/// <c>AfterGap</c> follows for each asset once the venue sends it.
/// </summary>
public sealed record FeedGap(
    IReadOnlyList<string> AssetIds,
    DateTimeOffset LostAt,
    DateTimeOffset ReconnectedAt) : MarketFeedEvent("", "", ReconnectedAt);
