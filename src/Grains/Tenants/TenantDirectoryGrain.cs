using Polytraders.Contracts;
using Polytraders.Trading.Listing;

namespace Polytraders.Grains.Tenants;

/// <summary>
/// One Tenant's index (<see cref="TenantDirectory"/>), persisted. A summary written again with the same content is not
/// written to storage again: Portfolios publish theirs at every start.
/// </summary>
public sealed class TenantDirectoryGrain(
    [PersistentState("tenant-directory", StreamNames.GrainStorage)] IPersistentState<TenantDirectoryGrainState> state) : Grain, ITenantDirectoryGrain
{
    private TenantDirectory? _directory;

    private TenantDirectory Directory => _directory ??= new TenantDirectory(state.State.Portfolios, state.State.Strategies, state.State.Backtests);

    public async Task<bool> PutPortfolio(PortfolioSummary summary)
    {
        if (state.State.Portfolios.TryGetValue(summary.PortfolioId, out var known) && known == summary)
        {
            return true;
        }

        if (!Directory.Put(summary))
        {
            return false;
        }

        await state.WriteStateAsync();
        return true;
    }

    public async Task PutStrategy(StrategySummary summary)
    {
        if (!(state.State.Strategies.TryGetValue(summary.StrategyId, out var known) && known == summary))
        {
            Directory.Put(summary);
            await state.WriteStateAsync();
        }
    }

    public async Task StrategyStopped(string strategyId)
    {
        if (state.State.Strategies.TryGetValue(strategyId, out var known) && known.Status != StrategySummaryStatus.Stopped)
        {
            Directory.Stopped(strategyId);
            await state.WriteStateAsync();
        }
    }

    public async Task PutBacktest(BacktestSummary summary)
    {
        if (!(state.State.Backtests.TryGetValue(summary.BacktestId, out var known) && known == summary))
        {
            Directory.Put(summary);
            await state.WriteStateAsync();
        }
    }

    public Task<PortfolioList> ListPortfolios(PortfolioSummaryStatus? status, LaunchMode? mode, string? after, int limit) =>
        Task.FromResult(Directory.Portfolios(status, mode, after, limit));

    public Task<StrategyList> ListStrategies(string? portfolioId, StrategySummaryStatus? status, string? botId, string? after, int limit) =>
        Task.FromResult(Directory.Strategies(portfolioId, status, botId, after, limit));

    public Task<BacktestList> ListBacktests(string? strategyId, BacktestSummaryStatus? status, string? after, int limit) =>
        Task.FromResult(Directory.Backtests(strategyId, status, after, limit));
}
