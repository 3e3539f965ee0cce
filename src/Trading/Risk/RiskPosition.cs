namespace Polytraders.Trading.Risk;

/// <summary>
/// Tokens held in one outcome token and what they cost (average cost, <see cref="Portfolios.AverageCost"/>), the PnL
/// its sells realised, with the market's clusters for the caps. Kept when flat, for its realised PnL: the Portfolio's
/// positions are these. Bounded by the tokens the Portfolio ever traded.
/// </summary>
public sealed record RiskPosition
{
    public required string MarketId { get; init; }

    public required string TokenId { get; init; }

    public decimal Size { get; init; }

    /// <summary>pUSD paid for the tokens still held: the exposure this position counts for.</summary>
    public decimal CostBasis { get; init; }

    public List<string> ClusterIds { get; init; } = [];

    /// <summary>Proceeds of sells less the cost basis of the tokens sold, less every fee paid in this token.</summary>
    public decimal RealisedPnl { get; init; }

    /// <summary>
    /// The average price of the tokens the sell that last emptied this position took (0 before any did): a failed
    /// settlement of that sell gives them back at what they cost, not at what they were sold for.
    /// </summary>
    public decimal AverageWhenEmptied { get; init; }
}
