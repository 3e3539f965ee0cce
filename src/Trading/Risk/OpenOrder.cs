using Polytraders.Contracts;

namespace Polytraders.Trading.Risk;

/// <summary>
/// An approved order until execution says it is done. Its notional (buys) or size (sells) still unfilled is reserved,
/// so several orders in flight at once cannot together break a limit each of them fits alone. It lists the fills
/// already booked against it, so a fill delivered again is booked once: what makes fills idempotent is bounded by the
/// orders open, not by every fill ever seen.
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

    /// <summary>Ids of the fills booked against this order.</summary>
    public List<string> Fills { get; init; } = [];

    public decimal ReservedNotional => Side == Side.Buy ? RemainingSize * LimitPrice : 0m;
}
