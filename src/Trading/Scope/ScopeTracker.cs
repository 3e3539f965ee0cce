using Polytraders.Contracts;

namespace Polytraders.Trading.Scope;

/// <summary>
/// Follows which markets are in one Strategy's Market scope as Cluster membership changes, an operator edits the
/// manual list and markets resolve, and says which markets entered or left and why. A resolved market never re-enters.
/// The scope is validated first, by <see cref="MarketScopeRules"/>, and an edited list stays within those rules.
/// </summary>
public sealed class ScopeTracker
{
    private readonly MarketScope _scope;
    private readonly List<string> _list;
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
        _list = [.. scope.MarketIds ?? []];
    }

    public IReadOnlyCollection<string> Markets => _inScope;

    /// <summary>The Market scope as launched and edited since: the manual list holds resolved markets too.</summary>
    public MarketScope Scope => _scope.Mode == ScopeMode.Manual ? _scope with { MarketIds = [.. _list] } : _scope;

    public bool Contains(string marketId) => _inScope.Contains(marketId);

    /// <summary>
    /// The markets that enter when the Strategy starts: the manual list, or the Cluster's current members (which a
    /// manual scope ignores).
    /// </summary>
    public IReadOnlyList<ScopeChange> Start(IEnumerable<string> clusterMembers)
    {
        var initial = _scope.Mode == ScopeMode.Manual ? _list : clusterMembers;
        var entered = new List<ScopeChange>();
        foreach (var marketId in initial)
        {
            if (Enter(marketId, AuditPayloadCause.Launch) is { } change)
            {
                entered.Add(change);
            }
        }

        return entered;
    }

    /// <summary>
    /// Takes up a running scope again (a new activation): exactly <paramref name="inScope"/> is in it. A market of the
    /// manual list that is not in scope can only have resolved, so it stays out.
    /// </summary>
    public void Resume(IEnumerable<string> inScope)
    {
        _inScope.UnionWith(inScope);
        _resolved.UnionWith(_list.Where(id => !_inScope.Contains(id)));
    }

    public ScopeChange? MarketAddedToCluster(string clusterId, string marketId) =>
        IsBoundTo(clusterId) ? Enter(marketId, AuditPayloadCause.ClusterAddition) : null;

    public ScopeChange? MarketRemovedFromCluster(string clusterId, string marketId) =>
        IsBoundTo(clusterId) ? Leave(marketId, AuditPayloadCause.ClusterRemoval) : null;

    public ScopeChange? MarketResolved(string marketId)
    {
        _resolved.Add(marketId);
        return Leave(marketId, AuditPayloadCause.Resolution);
    }

    /// <summary>An operator puts a market on the manual list: it enters the scope. At most 50; a resolved one never.</summary>
    public ScopeEdit MarketSelected(string marketId)
    {
        if (NotManual() is { } refused)
        {
            return refused;
        }

        if (_list.Contains(marketId, MarketScopeRules.MarketIdComparer))
        {
            return ScopeEdit.Unchanged;
        }

        if (_resolved.Contains(marketId))
        {
            return ScopeEdit.Refused(ReasonCodes.StratMarketResolved, $"Market {marketId} has resolved; no scope takes it again.");
        }

        if (_list.Count >= MarketScopeRules.MaxManualMarkets)
        {
            return ScopeEdit.Refused(ReasonCodes.StratScopeTooManyMarkets, $"The manual list holds {_list.Count} markets; at most {MarketScopeRules.MaxManualMarkets} are allowed.");
        }

        _list.Add(marketId);
        return new ScopeEdit(null, true, Enter(marketId, AuditPayloadCause.ManualSelection));
    }

    /// <summary>An operator takes a market off the manual list: it leaves the scope. The list keeps at least one market.</summary>
    public ScopeEdit MarketDeselected(string marketId)
    {
        if (NotManual() is { } refused)
        {
            return refused;
        }

        var index = _list.FindIndex(id => MarketScopeRules.MarketIdComparer.Equals(id, marketId));
        if (index < 0)
        {
            return ScopeEdit.Unchanged;
        }

        if (_list.Count == 1)
        {
            return ScopeEdit.Refused(ReasonCodes.StratScopeEmpty, $"Market {marketId} is the last one of the manual list; stop the Strategy instead.");
        }

        _list.RemoveAt(index);
        return new ScopeEdit(null, true, Leave(marketId, AuditPayloadCause.ManualDeselection));
    }

    private ScopeEdit? NotManual() => _scope.Mode == ScopeMode.Manual
        ? null
        : ScopeEdit.Refused(ReasonCodes.StratScopeNotManual, $"The Market scope is bound to Cluster {_scope.ClusterId}: its markets follow the Cluster. Switching to a manual list is a relaunch.");

    private bool IsBoundTo(string clusterId) =>
        _scope.Mode == ScopeMode.Cluster && string.Equals(_scope.ClusterId, clusterId, StringComparison.Ordinal);

    private ScopeChange? Enter(string marketId, AuditPayloadCause cause) =>
        !_resolved.Contains(marketId) && _inScope.Add(marketId) ? new ScopeChange(marketId, ScopeChangeKind.Entered, cause) : null;

    private ScopeChange? Leave(string marketId, AuditPayloadCause cause) =>
        _inScope.Remove(marketId) ? new ScopeChange(marketId, ScopeChangeKind.Left, cause) : null;
}
