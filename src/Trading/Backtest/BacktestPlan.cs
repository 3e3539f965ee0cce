using Polytraders.Contracts;
using Polytraders.Trading.Backtest.Data;
using Polytraders.Trading.Momentum;
using Polytraders.Trading.Scope;
using Polytraders.Trading.Validation.Rules;

namespace Polytraders.Trading.Backtest;

/// <summary>
/// Everything a run needs besides prices, checked: the launch and Portfolio config, the markets of the data set, the
/// Market scope as it stood at the window's start (Cluster membership and resolutions before it applied), the events
/// inside the window, and the domain pack the launch runs.
/// </summary>
public sealed record BacktestPlan
{
    public required StrategyLaunch Launch { get; init; }

    public required PortfolioConfig Portfolio { get; init; }

    public required IReadOnlyList<Market> Markets { get; init; }

    /// <summary>Markets in scope when the window opens, in the order they enter (Cluster list or manual list).</summary>
    public required IReadOnlyList<string> InitialMembers { get; init; }

    /// <summary>Markets the scope holds at some time in the window: the initial members and those entering, less the resolved.</summary>
    public required IReadOnlyList<string> Tradable { get; init; }

    /// <summary>Markets that resolved before the window: never in scope, their prices ignored.</summary>
    public required IReadOnlyList<string> ResolvedBefore { get; init; }

    /// <summary>Membership changes and resolutions inside the window, in time order.</summary>
    public required IReadOnlyList<BacktestMarketEvent> Events { get; init; }

    public required DateTimeOffset WindowStart { get; init; }

    public required DateTimeOffset WindowEnd { get; init; }

    public required string DomainPack { get; init; }

    /// <summary>
    /// Checks a launch and config against the data set and plans the run over [<paramref name="windowStart"/>,
    /// <paramref name="windowEnd"/>]. Refuses with the same codes the live launch would (STRAT_SCOPE_*,
    /// STRAT_INVALID_PARAMETERS, STRAT_UNKNOWN_*), STRAT_SCOPE_EMPTY when no market of the scope is tradable in the
    /// window, and STRAT_BACKTEST_WINDOW_TOO_LONG beyond 180 days.
    /// </summary>
    public static BacktestPlan Create(
        StrategyLaunch launch,
        PortfolioConfig portfolio,
        IReadOnlyList<Market> markets,
        IReadOnlyList<Cluster> clusters,
        IReadOnlyList<BacktestMarketEvent> events,
        DateTimeOffset windowStart,
        DateTimeOffset windowEnd)
    {
        CheckRequest(launch, portfolio);
        if (windowEnd < windowStart)
        {
            throw new BacktestException(ReasonCodes.StratBacktestBadData, $"The window ends ({windowEnd:O}) before it starts ({windowStart:O}).");
        }

        if (windowEnd - windowStart > BacktestWindows.MaxLength)
        {
            throw new BacktestException(ReasonCodes.StratBacktestWindowTooLong, $"The window {windowStart:O} .. {windowEnd:O} is longer than {BacktestWindows.MaxDays} days.");
        }

        var byId = markets.ToDictionary(m => m.MarketId, MarketScopeRules.MarketIdComparer);
        var scope = launch.MarketScope;
        var resolvedBefore = events.Where(e => e.Kind == BacktestMarketEventKind.Resolved && e.At < windowStart)
            .Select(e => e.MarketId).ToHashSet(MarketScopeRules.MarketIdComparer);
        string? taxonomy = null;
        List<string> initial;
        var entering = new List<string>();
        if (scope.Mode == ScopeMode.Cluster)
        {
            var cluster = clusters.FirstOrDefault(c => c.ClusterId == scope.ClusterId)
                ?? throw new BacktestException(ReasonCodes.StratUnknownCluster, $"Cluster {scope.ClusterId} is not in the data set.");
            taxonomy = cluster.Taxonomy;
            initial = [.. cluster.MarketIds];
            foreach (var e in events.Where(e => e.ClusterId == cluster.ClusterId))
            {
                if (e.At < windowStart)
                {
                    initial.RemoveAll(id => MarketScopeRules.MarketIdComparer.Equals(id, e.MarketId));
                    if (e.Kind == BacktestMarketEventKind.ClusterAdded)
                    {
                        initial.Add(e.MarketId);
                    }
                }
                else if (e.At <= windowEnd && e.Kind == BacktestMarketEventKind.ClusterAdded)
                {
                    entering.Add(e.MarketId);
                }
            }
        }
        else
        {
            initial = [.. scope.MarketIds!];
            foreach (var marketId in initial.Where(id => !byId.ContainsKey(id)))
            {
                throw new BacktestException(ReasonCodes.StratUnknownMarket, $"Market {marketId} is not in the data set.");
            }
        }

        var tradable = initial.Concat(entering).Where(id => !resolvedBefore.Contains(id)).ToList();
        if (tradable.Count == 0)
        {
            throw new BacktestException(ReasonCodes.StratScopeEmpty, "No market of the Market scope is open in the window: the scope is empty.");
        }

        return new BacktestPlan
        {
            Launch = launch,
            Portfolio = portfolio,
            Markets = markets,
            InitialMembers = initial,
            Tradable = tradable,
            ResolvedBefore = [.. resolvedBefore],
            Events = events.Where(e => e.At >= windowStart && e.At <= windowEnd).ToList(),
            WindowStart = windowStart,
            WindowEnd = windowEnd,
            DomainPack = DomainPackChoice.For(launch, taxonomy),
        };
    }

    /// <summary>
    /// A data set's plan for a request: its window resolved against the data's time range, and refused when the run
    /// could not trade (see <see cref="CheckCanTrade"/>).
    /// </summary>
    public static BacktestPlan Create(BacktestRequest request, BacktestDataSet data)
    {
        CheckRequest(request.Launch, request.Portfolio);
        BacktestWindows.CheckRequested(request.Window);
        var (first, last) = data.TimeRange();
        var (start, end) = BacktestWindows.Resolve(request.Window, first, last);
        var plan = Create(request.Launch, request.Portfolio, data.Markets, data.Clusters, data.Metadata.Events, start, end);
        plan.CheckCanTrade(data, first, last);
        return plan;
    }

    /// <summary>
    /// A run that could not trade is refused before it starts rather than completing with nothing in it: when no market
    /// of the scope has a price in the window (STRAT_BACKTEST_NO_DATA_IN_WINDOW: a default window over the whole data
    /// set's last 180 days can miss the chosen markets' data), or none has as many as the slow lookback, which the
    /// Strategy's slow sensors need before it can trade (STRAT_BACKTEST_TOO_FEW_POINTS). A scope where only some markets
    /// are that short runs, and its results name them in the data warnings.
    /// </summary>
    private void CheckCanTrade(BacktestDataSet data, DateTimeOffset first, DateTimeOffset last)
    {
        var slow = Launch.Parameters.SlowLookback;
        var most = data.MostPointsInWindow(Tradable, WindowStart, WindowEnd, enough: slow);
        if (most == 0)
        {
            throw new BacktestException(
                ReasonCodes.StratBacktestNoDataInWindow,
                $"The window {Utc(WindowStart)} .. {Utc(WindowEnd)} holds no price of the {Tradable.Count} market(s) of the Market scope (the data set runs {Utc(first)} .. {Utc(last)}): the run could not trade. Choose a window over their prices.");
        }

        if (most < slow)
        {
            throw new BacktestException(
                ReasonCodes.StratBacktestTooFewPoints,
                $"No market of the Market scope has {slow} prices in the window {Utc(WindowStart)} .. {Utc(WindowEnd)} (the most is {most}): the slow lookback ({slow} prices) never fills, so the run could not trade. Widen the window or shorten slow_lookback.");
        }
    }

    private static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>What can be checked without data: scope and parameter rules, the config's limits, launch and config naming one Portfolio.</summary>
    public static void CheckRequest(StrategyLaunch launch, PortfolioConfig portfolio)
    {
        var violations = MarketScopeRules.Validate(launch.MarketScope).Concat(MomentumParameterRules.Validate(launch.Parameters)).ToList();
        if (violations.Count > 0)
        {
            throw new BacktestException(violations[0].Code, violations[0].Message);
        }

        if (new PortfolioConfigRule().Check(portfolio).FirstOrDefault() is { } broken)
        {
            throw new BacktestException(broken.ReasonCode, $"portfolio: {broken.Message}");
        }

        if (!string.Equals(launch.PortfolioId, portfolio.PortfolioId, StringComparison.Ordinal))
        {
            throw new BacktestException(ReasonCodes.StratInvalidLaunch, $"The launch names Portfolio {launch.PortfolioId} but the config is {portfolio.PortfolioId}'s.");
        }
    }
}
