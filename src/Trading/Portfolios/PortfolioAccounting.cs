using Polytraders.Contracts;

namespace Polytraders.Trading.Portfolios;

/// <summary>Cash and positions of a Portfolio after a fill, by the <see cref="AverageCost"/> rule risk keeps too.</summary>
public static class PortfolioAccounting
{
    public static PortfolioState Apply(PortfolioState portfolio, Fill fill)
    {
        ArgumentNullException.ThrowIfNull(portfolio);
        ArgumentNullException.ThrowIfNull(fill);
        var positions = portfolio.Positions.ToList();
        var index = positions.FindIndex(p => p.TokenId == fill.TokenId);
        var held = index >= 0 ? positions[index] : new Position { MarketId = fill.MarketId, TokenId = fill.TokenId, Size = 0m, AveragePrice = 0m, RealisedPnl = 0m, CostBasis = 0m };
        var effect = new AverageCost(held.Size, held.CostBasis).Apply(fill);
        var updated = held with
        {
            Size = effect.Position.Size,
            CostBasis = effect.Position.CostBasis,
            AveragePrice = effect.Position.AveragePrice,
            RealisedPnl = held.RealisedPnl + effect.Realised,
        };
        if (index >= 0)
        {
            positions[index] = updated;
        }
        else
        {
            positions.Add(updated);
        }

        return portfolio with { Positions = positions, Balance = portfolio.Balance + effect.CashChange };
    }
}
