namespace Polytraders.Grains.Risk;

/// <summary>Tokens held in one outcome token and what they cost (average cost), with the market's clusters for the caps.</summary>
[GenerateSerializer]
[Alias("Polytraders.RiskPosition")]
public sealed record RiskPosition
{
    [Id(0)]
    public required string MarketId { get; init; }

    [Id(1)]
    public required string TokenId { get; init; }

    [Id(2)]
    public decimal Size { get; init; }

    /// <summary>pUSD paid for the tokens still held: the exposure this position counts for.</summary>
    [Id(3)]
    public decimal CostBasis { get; init; }

    [Id(4)]
    public List<string> ClusterIds { get; init; } = [];
}
