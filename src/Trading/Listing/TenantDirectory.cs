using System.Globalization;
using Polytraders.Contracts;

namespace Polytraders.Trading.Listing;

/// <summary>
/// What one Tenant has, as small summaries keyed by id: the index the list endpoints page through instead of scanning
/// history. Bounded: at most <see cref="MaxPortfolios"/> Portfolios (a new one beyond is refused), the
/// <see cref="MaxStrategies"/> most recently launched Strategies and the <see cref="MaxBacktests"/> newest Backtests
/// (older ones leave the list; their grains and chains stay readable by id).
/// </summary>
public sealed class TenantDirectory(
    Dictionary<string, PortfolioSummary> portfolios,
    Dictionary<string, StrategySummary> strategies,
    Dictionary<string, BacktestSummary> backtests)
{
    /// <summary>As many Portfolios as the Tenant contract lists.</summary>
    public const int MaxPortfolios = 1000;

    public const int MaxStrategies = 5000;

    public const int MaxBacktests = 1000;

    /// <summary>Adds or replaces a Portfolio's summary; false (and nothing kept) for a new one beyond <see cref="MaxPortfolios"/>.</summary>
    public bool Put(PortfolioSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        if (!portfolios.ContainsKey(summary.PortfolioId) && portfolios.Count >= MaxPortfolios)
        {
            return false;
        }

        portfolios[summary.PortfolioId] = summary;
        return true;
    }

    /// <summary>Adds or replaces a Strategy's summary; past the bound the one launched longest ago leaves.</summary>
    public void Put(StrategySummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        strategies[summary.StrategyId] = summary;
        if (strategies.Count > MaxStrategies)
        {
            strategies.Remove(strategies.Values.MinBy(s => s.LaunchedAt)!.StrategyId);
        }
    }

    /// <summary>Marks a listed Strategy stopped; one not listed (launched before the directory, or left it) stays unlisted.</summary>
    public void Stopped(string strategyId)
    {
        if (strategies.TryGetValue(strategyId, out var summary))
        {
            strategies[strategyId] = summary with { Status = StrategySummaryStatus.Stopped };
        }
    }

    /// <summary>Adds or replaces a Backtest's summary; past the bound the one requested longest ago leaves.</summary>
    public void Put(BacktestSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        backtests[summary.BacktestId] = summary;
        if (backtests.Count > MaxBacktests)
        {
            backtests.Remove(backtests.Values.MinBy(Newness, StringComparer.Ordinal)!.BacktestId);
        }
    }

    public PortfolioList Portfolios(PortfolioSummaryStatus? status, LaunchMode? mode, string? after, int limit)
    {
        var (items, next) = KeyedPage.Take(
            portfolios.Values.Where(p => (status is null || p.Status == status) && (mode is null || p.Mode == mode)),
            p => p.PortfolioId,
            after,
            limit);
        return new PortfolioList { Items = items, NextAfter = next };
    }

    public StrategyList Strategies(string? portfolioId, StrategySummaryStatus? status, string? botId, string? after, int limit)
    {
        var (items, next) = KeyedPage.Take(
            strategies.Values.Where(s =>
                (portfolioId is null || s.PortfolioId == portfolioId) && (status is null || s.Status == status) && (botId is null || s.BotId == botId)),
            s => s.StrategyId,
            after,
            limit);
        return new StrategyList { Items = items, NextAfter = next };
    }

    /// <summary>
    /// Newest first. The cursor is the last Backtest id of the previous page; one that has left the list since (past the
    /// bound) ends the listing, for everything after it has left too.
    /// </summary>
    public BacktestList Backtests(string? strategyId, BacktestSummaryStatus? status, string? after, int limit)
    {
        if (after is not null && !backtests.ContainsKey(after))
        {
            return new BacktestList { Badge = Badge.Backtest, Items = [] };
        }

        var (items, next) = KeyedPage.Take(
            backtests.Values.Where(b => (strategyId is null || b.StrategyId == strategyId) && (status is null || b.Status == status)),
            Newness,
            after is null ? null : Newness(backtests[after]),
            limit,
            descending: true);
        return new BacktestList { Badge = Badge.Backtest, Items = items, NextAfter = next is null ? null : items[^1].BacktestId };
    }

    /// <summary>Orders runs by when they were requested (backtest ids do not grow with time), the id breaking ties.</summary>
    private static string Newness(BacktestSummary summary) =>
        string.Create(CultureInfo.InvariantCulture, $"{summary.RequestedAt.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffffff}|{summary.BacktestId}");
}
