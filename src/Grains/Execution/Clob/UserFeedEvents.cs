using Polytraders.Contracts;

namespace Polytraders.Grains.Execution.Clob;

/// <summary>What the user channel reports about the account's orders and trades.</summary>
public abstract record UserFeedEvent(DateTimeOffset Timestamp);

/// <summary>
/// A trade on one of our orders moved to <see cref="Fill.Status"/> (MATCHED → MINED → CONFIRMED, or RETRYING / FAILED).
/// The same <see cref="Fill.FillId"/> recurs with each status; consumers keep the latest.
/// </summary>
public sealed record FillUpdate(Fill Fill, string TradeId, string OrderId) : UserFeedEvent(Fill.FilledAt);

/// <summary>
/// "order": a placement, update (partial match) or cancellation. Source: the order message of
/// docs.polymarket.com market-data/websocket/user-channel (type PLACEMENT / UPDATE / CANCELLATION).
/// </summary>
public sealed record OrderUpdate(
    DateTimeOffset Timestamp,
    string OrderId,
    string Type,
    string? Status,
    string Market,
    string AssetId,
    Side? Side,
    decimal? Price,
    decimal? OriginalSize,
    decimal? SizeMatched) : UserFeedEvent(Timestamp);

/// <summary>
/// The user channel was down from <see cref="LostAt"/> to <see cref="ReconnectedAt"/>. It replays nothing: trade
/// status changes in between must be fetched with GET /data/trades (after = LostAt), as <see cref="UserFeedPump"/> does.
/// </summary>
public sealed record UserFeedGap(DateTimeOffset LostAt, DateTimeOffset ReconnectedAt) : UserFeedEvent(ReconnectedAt);
