using Polytraders.Contracts;

namespace Polytraders.Grains.Risk;

/// <summary>
/// An approved order not yet filled or released. Its notional (buys) or size (sells) is reserved, so several
/// orders in flight at once cannot together break a limit each of them fits alone.
/// </summary>
[GenerateSerializer]
[Alias("Polytraders.OpenOrder")]
public sealed record OpenOrder
{
    [Id(0)]
    public required string ClientOrderId { get; init; }

    [Id(1)]
    public required string MarketId { get; init; }

    [Id(2)]
    public required string TokenId { get; init; }

    [Id(3)]
    public Side Side { get; init; }

    [Id(4)]
    public decimal RemainingSize { get; init; }

    [Id(5)]
    public decimal LimitPrice { get; init; }

    [Id(6)]
    public List<string> ClusterIds { get; init; } = [];

    public decimal ReservedNotional => Side == Side.Buy ? RemainingSize * LimitPrice : 0m;
}
