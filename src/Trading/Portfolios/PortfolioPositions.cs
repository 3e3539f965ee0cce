using Polytraders.Contracts;
using Polytraders.Trading.Risk;

namespace Polytraders.Trading.Portfolios;

/// <summary>
/// A Portfolio's positions as reviewers read them (PortfolioState's Position), from the risk book: one book of
/// average-cost positions (<see cref="AverageCost"/>) serves both the limits and the reviewers, so what they read is
/// what risk counts.
/// </summary>
public static class PortfolioPositions
{
    public static List<Position> Of(RiskBook book)
    {
        ArgumentNullException.ThrowIfNull(book);
        var positions = new List<Position>(book.Positions.Count);
        foreach (var held in book.Positions.Values)
        {
            positions.Add(new Position
            {
                MarketId = held.MarketId,
                TokenId = held.TokenId,
                Size = held.Size,
                AveragePrice = new AverageCost(held.Size, held.CostBasis).AveragePrice,
                RealisedPnl = held.RealisedPnl,
                CostBasis = held.CostBasis,
            });
        }

        return positions;
    }
}
