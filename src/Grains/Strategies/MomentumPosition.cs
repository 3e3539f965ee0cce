using Polytraders.Contracts;

namespace Polytraders.Grains.Strategies;

/// <summary>
/// One market's momentum position, persisted by the strategy grain. Replaced, never mutated, on each transition, so
/// a snapshot handed to storage cannot change under it.
/// </summary>
[GenerateSerializer]
[Alias("Polytraders.MomentumPosition")]
public sealed record MomentumPosition
{
    [Id(0)]
    public required string MarketId { get; init; }

    /// <summary>The outcome token the Strategy trades in this market.</summary>
    [Id(1)]
    public required string TokenId { get; init; }

    [Id(2)]
    public MomentumPhase Phase { get; init; }

    /// <summary>Tokens held (filled buys less filled sells).</summary>
    [Id(3)]
    public decimal Size { get; init; }

    /// <summary>Average fill price of the tokens held.</summary>
    [Id(4)]
    public decimal EntryPrice { get; init; }

    /// <summary>First entry fill: the start of the holding time.</summary>
    [Id(5)]
    public DateTimeOffset? EnteredAt { get; init; }

    /// <summary>The order in flight, while PendingEntry or PendingExit.</summary>
    [Id(6)]
    public string? PendingClientOrderId { get; init; }

    /// <summary>The entry order, so a late partial fill of it still adds to the position.</summary>
    [Id(7)]
    public string? EntryClientOrderId { get; init; }

    [Id(8)]
    public OrderIntentExitCause? PendingExitCause { get; init; }

    public static MomentumPosition FlatIn(string marketId, string tokenId) => new() { MarketId = marketId, TokenId = tokenId };
}
