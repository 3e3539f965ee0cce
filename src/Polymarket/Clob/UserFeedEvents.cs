using Polytraders.Polymarket.Orders;

namespace Polytraders.Polymarket.Clob;

/// <summary>What the user channel reports about the account's orders and trades.</summary>
public abstract record UserFeedEvent(DateTimeOffset Timestamp);

/// <summary>
/// "trade": a trade of the account, as taker (<see cref="ClobTrade.TakerOrderId"/>) and/or maker
/// (<see cref="ClobTrade.MakerOrders"/>), reached <see cref="ClobTrade.Status"/> (MATCHED → MINED → CONFIRMED, or
/// RETRYING / FAILED). The same trade recurs with each status, and the venue may send a status twice.
/// <see cref="UserFeedEvent.Timestamp"/> is when the frame arrived; the trade's own time is
/// <see cref="ClobTrade.MatchedAtSeconds"/>.
/// </summary>
public sealed record TradeUpdate(DateTimeOffset Timestamp, ClobTrade Trade) : UserFeedEvent(Timestamp);

/// <summary>
/// "order": a placement, update (partial match) or cancellation. Source: the order message of
/// docs.polymarket.com market-data/websocket/user-channel (type PLACEMENT / UPDATE / CANCELLATION); a GTD order the
/// venue takes off its book at its expiration is reported as a CANCELLATION too, with its "expiration" (Unix seconds;
/// 0 or absent for other orders).
/// </summary>
public sealed record OrderUpdate(
    DateTimeOffset Timestamp,
    string OrderId,
    string Type,
    string? Status,
    string Market,
    string AssetId,
    OrderSide? Side,
    decimal? Price,
    decimal? OriginalSize,
    decimal? SizeMatched,
    long? Expiration = null) : UserFeedEvent(Timestamp)
{
    /// <summary>The order left the book without (fully) matching: type CANCELLATION, or a status that says so.</summary>
    public bool IsCancellation =>
        string.Equals(Type, "CANCELLATION", StringComparison.OrdinalIgnoreCase)
        || Status?.ToUpperInvariant() is "CANCELED" or "CANCELLED" or "CANCELED_MARKET_RESOLVED" or "EXPIRED";

    /// <summary>A cancellation because the GTD order reached its expiration (see <see cref="GtdExpiry"/>).</summary>
    public bool IsExpiry =>
        IsCancellation && (string.Equals(Status, "EXPIRED", StringComparison.OrdinalIgnoreCase) || GtdExpiry.HasExpired(Expiration ?? 0, Timestamp));
}

/// <summary>
/// The user channel was down from <see cref="LostAt"/> to <see cref="ReconnectedAt"/>. It replays nothing: trade
/// status changes in between must be fetched from GET /data/trades (<see cref="AccountTrades.TradesSinceAsync"/> since
/// LostAt).
/// </summary>
public sealed record UserFeedGap(DateTimeOffset LostAt, DateTimeOffset ReconnectedAt) : UserFeedEvent(ReconnectedAt);
