using Orleans.Concurrency;
using Polytraders.Contracts;

namespace Polytraders.Grains;

/// <summary>
/// The index of one Tenant (key: tenant id, e.g. TEN-DESK): summaries of its Portfolios, the Strategies launched on them
/// and its Backtests, kept by the grains that change them, paged through by the list endpoints.
/// </summary>
[Alias("Polytraders.ITenantDirectoryGrain")]
public interface ITenantDirectoryGrain : IGrainWithStringKey
{
    /// <summary>Adds or replaces a Portfolio; false when it is new and the Tenant already has as many as it may.</summary>
    [Alias("PutPortfolio")]
    Task<bool> PutPortfolio(PortfolioSummary summary);

    [Alias("PutStrategy")]
    Task PutStrategy(StrategySummary summary);

    [Alias("StrategyStopped")]
    Task StrategyStopped(string strategyId);

    [Alias("PutBacktest")]
    Task PutBacktest(BacktestSummary summary);

    [ReadOnly]
    [Alias("ListPortfolios")]
    Task<PortfolioList> ListPortfolios(PortfolioSummaryStatus? status, LaunchMode? mode, string? after, int limit);

    [ReadOnly]
    [Alias("ListStrategies")]
    Task<StrategyList> ListStrategies(string? portfolioId, StrategySummaryStatus? status, string? botId, string? after, int limit);

    [ReadOnly]
    [Alias("ListBacktests")]
    Task<BacktestList> ListBacktests(string? strategyId, BacktestSummaryStatus? status, string? after, int limit);
}
