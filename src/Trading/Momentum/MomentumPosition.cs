using Polytraders.Contracts;

namespace Polytraders.Trading.Momentum;

/// <summary>
/// One market's momentum position, persisted by the strategy grain. Replaced, never mutated, on each transition, so
/// a snapshot handed to storage cannot change under it.
/// </summary>
public sealed record MomentumPosition
{
    public required string MarketId { get; init; }

    /// <summary>The outcome token the Strategy trades in this market.</summary>
    public required string TokenId { get; init; }

    public MomentumPhase Phase { get; init; }

    /// <summary>Tokens held (filled buys less filled sells).</summary>
    public decimal Size { get; init; }

    /// <summary>Average fill price of the tokens held.</summary>
    public decimal EntryPrice { get; init; }

    /// <summary>First entry fill: the start of the holding time.</summary>
    public DateTimeOffset? EnteredAt { get; init; }

    /// <summary>The order in flight, while PendingEntry or PendingExit.</summary>
    public string? PendingClientOrderId { get; init; }

    /// <summary>The entry order, so a late partial fill of it still adds to the position.</summary>
    public string? EntryClientOrderId { get; init; }

    public OrderIntentExitCause? PendingExitCause { get; init; }

    /// <summary>Flat with nothing pending or remembered: what <see cref="FlatIn"/> makes, so nothing to keep.</summary>
    public bool IsEmpty =>
        Phase == MomentumPhase.Flat && Size == 0m && EntryPrice == 0m && EnteredAt is null
        && PendingClientOrderId is null && EntryClientOrderId is null && PendingExitCause is null;

    public static MomentumPosition FlatIn(string marketId, string tokenId) => new() { MarketId = marketId, TokenId = tokenId };
}
