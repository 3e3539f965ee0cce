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
            ResolvedBefore = [.. resolvedBefore],
            Events = events.Where(e => e.At >= windowStart && e.At <= windowEnd).ToList(),
            WindowStart = windowStart,
            WindowEnd = windowEnd,
            DomainPack = DomainPackChoice.For(launch, taxonomy),
        };
    }

    /// <summary>A data set's plan for a request: its window resolved against the data's time range.</summary>
    public static BacktestPlan Create(BacktestRequest request, BacktestDataSet data)
    {
        CheckRequest(request.Launch, request.Portfolio);
        BacktestWindows.CheckRequested(request.Window);
        var (first, last) = data.TimeRange();
        var (start, end) = BacktestWindows.Resolve(request.Window, first, last);
        return Create(request.Launch, request.Portfolio, data.Markets, data.Clusters, data.Metadata.Events, start, end);
    }

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
