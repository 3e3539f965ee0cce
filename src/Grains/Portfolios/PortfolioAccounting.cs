using Polytraders.Contracts;

namespace Polytraders.Grains.Portfolios;

/// <summary>Cash and positions after a fill: average-cost positions, realised PnL on sells, fees paid in pUSD.</summary>
public static class PortfolioAccounting
{
    /// <summary>pUSD has 6 decimals: every cash amount is whole base units.</summary>
    private const int PusdDecimals = 6;

    /// <summary>Enough to keep the average exact for any realistic number of fills while staying a valid contract value.</summary>
    private const int AveragePriceDecimals = 12;

    public static PortfolioState Apply(PortfolioState portfolio, Fill fill)
    {
        var notional = decimal.Round(fill.Size * fill.Price, PusdDecimals);
        var positions = portfolio.Positions.ToList();
        var index = positions.FindIndex(p => p.TokenId == fill.TokenId);
        var held = index >= 0 ? positions[index] : new Position { MarketId = fill.MarketId, TokenId = fill.TokenId, Size = 0m, AveragePrice = 0m, RealisedPnl = 0m };
        Position updated;
        decimal balance;
        if (fill.Side == Side.Buy)
        {
            var size = held.Size + fill.Size;
            updated = held with { Size = size, AveragePrice = decimal.Round(((held.Size * held.AveragePrice) + notional) / size, AveragePriceDecimals) };
            balance = portfolio.Balance - notional - fill.Fee;
        }
        else
        {
            if (fill.Size > held.Size)
            {
                throw new InvalidOperationException($"Fill {fill.FillId} sells {fill.Size} of {fill.TokenId} but the portfolio holds {held.Size}.");
            }

            var realised = decimal.Round((fill.Price - held.AveragePrice) * fill.Size, PusdDecimals);
            var size = held.Size - fill.Size;
            updated = held with { Size = size, AveragePrice = size == 0m ? 0m : held.AveragePrice, RealisedPnl = held.RealisedPnl + realised - fill.Fee };
            balance = portfolio.Balance + notional - fill.Fee;
        }

        if (index >= 0)
        {
            positions[index] = updated;
        }
        else
        {
            positions.Add(updated);
        }

        return portfolio with { Positions = positions, Balance = balance };
    }
}
