namespace Polytraders.Trading.Backtest;

/// <summary>
/// Sharpe and Sortino on daily returns (equity at the end of each UTC day against the day before; the first day against
/// the starting equity), annualised with sqrt(365): prediction markets trade every day. Returns are decimals; only the
/// square root goes through double, and the ratios are rounded to 6 decimals. Undefined (null) with fewer than two
/// days, no dispersion, or (Sortino) no down day.
/// </summary>
public static class BacktestRatios
{
    private static readonly double Annualisation = Math.Sqrt(365);

    public static (decimal? Sharpe, decimal? Sortino, long Days) Of(decimal startingEquity, IReadOnlyList<decimal> dayCloses)
    {
        var returns = new List<decimal>(dayCloses.Count);
        var previous = startingEquity;
        foreach (var close in dayCloses)
        {
            if (previous > 0m)
            {
                returns.Add((close / previous) - 1m);
            }

            previous = close;
        }

        if (returns.Count < 2)
        {
            return (null, null, returns.Count);
        }

        var mean = returns.Sum() / returns.Count;
        var variance = returns.Sum(r => (r - mean) * (r - mean)) / (returns.Count - 1);
        var downside = returns.Sum(r => r < 0m ? r * r : 0m) / returns.Count;
        return (Ratio(mean, variance), Ratio(mean, downside), returns.Count);
    }

    private static decimal? Ratio(decimal mean, decimal squared)
    {
        if (squared <= 0m)
        {
            return null;
        }

        var ratio = (double)mean / Math.Sqrt((double)squared) * Annualisation;
        return double.IsFinite(ratio) ? decimal.Round((decimal)ratio, 6) : null;
    }
}
