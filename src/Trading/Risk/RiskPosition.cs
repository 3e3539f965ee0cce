namespace Polytraders.Trading.Risk;

/// <summary>Tokens held in one outcome token and what they cost (average cost), with the market's clusters for the caps.</summary>
public sealed record RiskPosition
{
    public required string MarketId { get; init; }

    public required string TokenId { get; init; }

    public decimal Size { get; init; }

    /// <summary>pUSD paid for the tokens still held: the exposure this position counts for.</summary>
    public decimal CostBasis { get; init; }

    public List<string> ClusterIds { get; init; } = [];
}
