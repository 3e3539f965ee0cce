using Polytraders.Contracts;

namespace Polytraders.Trading.Risk;

/// <summary>
/// One Portfolio's risk state, persisted by the risk grain: cash, positions, orders in flight, trading state,
/// today's realised PnL and the order-rate bucket. Exposures are read off it rather than kept as running totals, so
/// they can never disagree with the positions they sum.
/// </summary>
public sealed record RiskBook
{
    /// <summary>pUSD cash.</summary>
    public decimal Balance { get; set; }

    /// <summary>Positions by token id.</summary>
    public Dictionary<string, RiskPosition> Positions { get; init; } = [];

    /// <summary>Orders in flight by client order id.</summary>
    public Dictionary<string, OpenOrder> OpenOrders { get; init; } = [];

    public TradingState TradingState { get; set; }

    public bool KillSwitch { get; set; }

    /// <summary>The UTC date <see cref="RealisedPnlToday"/> belongs to.</summary>
    public DateOnly PnlDay { get; set; }

    public decimal RealisedPnlToday { get; set; }

    public decimal RateTokens { get; set; }

    public DateTimeOffset? RateUpdatedAt { get; set; }

    public static RiskBook Opening(decimal balance) => new() { Balance = balance };

    /// <summary>Cost basis of every position plus the notional of buys in flight.</summary>
    public decimal GrossExposure()
    {
        var total = 0m;
        foreach (var position in Positions.Values)
        {
            total += position.CostBasis;
        }

        foreach (var order in OpenOrders.Values)
        {
            total += order.ReservedNotional;
        }

        return total;
    }

    public decimal MarketExposure(string marketId)
    {
        var total = 0m;
        foreach (var position in Positions.Values)
        {
            if (SameMarket(position.MarketId, marketId))
            {
                total += position.CostBasis;
            }
        }

        foreach (var order in OpenOrders.Values)
        {
            if (SameMarket(order.MarketId, marketId))
            {
                total += order.ReservedNotional;
            }
        }

        return total;
    }

    public decimal ClusterExposure(string clusterId)
    {
        var total = 0m;
        foreach (var position in Positions.Values)
        {
            if (position.ClusterIds.Contains(clusterId))
            {
                total += position.CostBasis;
            }
        }

        foreach (var order in OpenOrders.Values)
        {
            if (order.ClusterIds.Contains(clusterId))
            {
                total += order.ReservedNotional;
            }
        }

        return total;
    }

    /// <summary>Cash not already promised to buys in flight.</summary>
    public decimal AvailableBalance()
    {
        var available = Balance;
        foreach (var order in OpenOrders.Values)
        {
            available -= order.ReservedNotional;
        }

        return available;
    }

    /// <summary>Tokens held and not already promised to sells in flight.</summary>
    public decimal Sellable(string tokenId)
    {
        var sellable = Positions.TryGetValue(tokenId, out var position) ? position.Size : 0m;
        foreach (var order in OpenOrders.Values)
        {
            if (order.Side == Side.Sell && order.TokenId == tokenId)
            {
                sellable -= order.RemainingSize;
            }
        }

        return sellable;
    }

    private static bool SameMarket(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
