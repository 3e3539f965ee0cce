using System.Collections.Concurrent;
using Polytraders.Contracts;

namespace Polytraders.Grains.Execution.Polymarket;

/// <summary>Who an order on the venue belongs to: what a trade event needs to become a <see cref="Fill"/>.</summary>
public sealed record SubmittedOrder(string OrderHash, string ClientOrderId, string PortfolioId, string MarketId, string TokenId, Side Side)
{
    /// <summary>A Polymarket fill of this order; the CLOB charges its fees on chain, so the fill carries none.</summary>
    public Fill FillOf(string fillId, decimal size, decimal price, DateTimeOffset at, FillStatus status) => new()
    {
        FillId = fillId,
        ClientOrderId = ClientOrderId,
        PortfolioId = PortfolioId,
        MarketId = MarketId,
        TokenId = TokenId,
        Side = Side,
        Size = size,
        Price = price,
        Fee = 0m,
        FilledAt = at,
        Venue = FillVenue.Polymarket,
        Status = status,
    };
}

/// <summary>
/// Order hash (the CLOB's order id) → <see cref="SubmittedOrder"/>, written by <see cref="ClobVenue"/> before it posts
/// and read by the user feed pump (<see cref="UserFeedFills"/>), so trades on our orders can be attributed. In memory:
/// after a restart the execution grain's records must re-register what is still open.
/// </summary>
public sealed class SubmittedOrderIndex
{
    private readonly ConcurrentDictionary<string, SubmittedOrder> _orders = new(StringComparer.OrdinalIgnoreCase);

    public void Register(SubmittedOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        _orders[order.OrderHash] = order;
    }

    public bool TryGet(string? orderHash, out SubmittedOrder order)
    {
        if (orderHash is not null && _orders.TryGetValue(orderHash, out var found))
        {
            order = found;
            return true;
        }

        order = null!;
        return false;
    }

    public int Count => _orders.Count;
}
