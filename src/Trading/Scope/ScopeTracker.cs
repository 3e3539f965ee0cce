using Polytraders.Contracts;

namespace Polytraders.Trading.Scope;

/// <summary>
/// Follows which markets are in one Strategy's Market scope as Cluster membership changes and markets resolve, and
/// says which markets entered or left. A resolved market never re-enters. The scope is validated first, by
/// <see cref="MarketScopeRules"/>.
/// </summary>
public sealed class ScopeTracker
{
    private readonly MarketScope _scope;
    private readonly HashSet<string> _inScope = new(MarketScopeRules.MarketIdComparer);
    private readonly HashSet<string> _resolved = new(MarketScopeRules.MarketIdComparer);

    public ScopeTracker(MarketScope scope)
    {
        var violations = MarketScopeRules.Validate(scope);
        if (violations.Count > 0)
        {
            throw new ArgumentException($"Invalid Market scope: {violations[0].Code} {violations[0].Message}", nameof(scope));
        }

        _scope = scope;
    }

    public IReadOnlyCollection<string> Markets => _inScope;

    public bool Contains(string marketId) => _inScope.Contains(marketId);

    /// <summary>
    /// The markets that enter when the Strategy starts: the manual list, or the Cluster's current members (which a
    /// manual scope ignores).
    /// </summary>
    public IReadOnlyList<ScopeChange> Start(IEnumerable<string> clusterMembers)
    {
        var initial = _scope.Mode == ScopeMode.Manual ? _scope.MarketIds! : clusterMembers;
        var entered = new List<ScopeChange>();
        foreach (var marketId in initial)
        {
            if (Enter(marketId) is { } change)
            {
                entered.Add(change);
            }
        }

        return entered;
    }

    public ScopeChange? MarketAddedToCluster(string clusterId, string marketId) =>
        IsBoundTo(clusterId) ? Enter(marketId) : null;

    public ScopeChange? MarketRemovedFromCluster(string clusterId, string marketId) =>
        IsBoundTo(clusterId) && _inScope.Remove(marketId) ? new ScopeChange(marketId, ScopeChangeKind.Left) : null;

    public ScopeChange? MarketResolved(string marketId)
    {
        _resolved.Add(marketId);
        return _inScope.Remove(marketId) ? new ScopeChange(marketId, ScopeChangeKind.Resolved) : null;
    }

    private bool IsBoundTo(string clusterId) =>
        _scope.Mode == ScopeMode.Cluster && string.Equals(_scope.ClusterId, clusterId, StringComparison.Ordinal);

    private ScopeChange? Enter(string marketId) =>
        !_resolved.Contains(marketId) && _inScope.Add(marketId) ? new ScopeChange(marketId, ScopeChangeKind.Entered) : null;
}
