using Polytraders.Contracts;

namespace Polytraders.Trading.Listing;

/// <summary>The list entries of a Portfolio and of a Backtest run, as the directory keeps them.</summary>
public static class Summaries
{
    public static PortfolioSummary Of(PortfolioState portfolio)
    {
        ArgumentNullException.ThrowIfNull(portfolio);
        var config = portfolio.Config;
        return new PortfolioSummary
        {
            PortfolioId = config.PortfolioId,
            TenantId = config.TenantId,
            Name = config.Name,
            Status = SameName<PortfolioConfigStatus, PortfolioSummaryStatus>(config.Status),
            BoundStrategyId = portfolio.BoundStrategyId,
            Mode = portfolio.Launches.FirstOrDefault(l => l.LaunchId == portfolio.ActiveLaunchId)?.Mode,
        };
    }

    public static BacktestSummary Of(BacktestRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new BacktestSummary
        {
            BacktestId = run.BacktestId,
            StrategyId = run.StrategyId,
            PortfolioId = run.PortfolioId,
            Dataset = run.Dataset,
            Status = SameName<BacktestRunStatus, BacktestSummaryStatus>(run.Status),
            RequestedBy = run.RequestedBy,
            RequestedAt = run.RequestedAt,
        };
    }

    /// <summary>A list's status enum is generated from the same schema values as its source's: the names agree.</summary>
    private static TTo SameName<TFrom, TTo>(TFrom value)
        where TFrom : struct, Enum
        where TTo : struct, Enum => Enum.Parse<TTo>(value.ToString());
}
