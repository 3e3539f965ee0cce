using Polytraders.Contracts;

namespace Polytraders.Trading.Risk;

/// <summary>
/// An approved order not yet filled or released. Its notional (buys) or size (sells) is reserved, so several
/// orders in flight at once cannot together break a limit each of them fits alone.
/// </summary>
public sealed record OpenOrder
{
    public required string ClientOrderId { get; init; }

    public required string MarketId { get; init; }

    public required string TokenId { get; init; }

    public Side Side { get; init; }

    public decimal RemainingSize { get; init; }

    public decimal LimitPrice { get; init; }

    public List<string> ClusterIds { get; init; } = [];

    public decimal ReservedNotional => Side == Side.Buy ? RemainingSize * LimitPrice : 0m;
}
