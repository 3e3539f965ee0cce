using Polytraders.Contracts;
using Polytraders.Core.Tests.Momentum;
using Polytraders.Trading.Scope;

namespace Polytraders.Core.Tests.Scope;

public class ScopeTrackerTests
{
    private static readonly string A = TestMarkets.Btc.MarketId;
    private static readonly string B = TestMarkets.Eth.MarketId;
    private static readonly string C = TestMarkets.Election.MarketId;

    private static ScopeTracker ClusterScope() => new(new MarketScope { Mode = ScopeMode.Cluster, ClusterId = "crypto" });

    [Fact]
    public void a_manual_scope_starts_with_its_list_and_ignores_cluster_members()
    {
        var tracker = new ScopeTracker(new MarketScope { Mode = ScopeMode.Manual, MarketIds = [A, B] });

        var entered = tracker.Start([C]);

        Assert.Equal([new ScopeChange(A, ScopeChangeKind.Entered), new ScopeChange(B, ScopeChangeKind.Entered)], entered);
        Assert.Null(tracker.MarketAddedToCluster("crypto", C));
    }

    [Fact]
    public void a_cluster_scope_follows_the_cluster_it_is_bound_to()
    {
        var tracker = ClusterScope();
        Assert.Equal([new ScopeChange(A, ScopeChangeKind.Entered)], tracker.Start([A]));

        var added = tracker.MarketAddedToCluster("crypto", B)!.Value;
        Assert.Equal((ScopeChangeKind.Entered, ReasonCodes.StratMarketInScope), (added.Kind, added.ReasonCode));
        Assert.Null(tracker.MarketAddedToCluster("politics", C));
        Assert.Null(tracker.MarketAddedToCluster("crypto", B.ToUpperInvariant()));

        var removed = tracker.MarketRemovedFromCluster("crypto", A)!.Value;
        Assert.Equal((ScopeChangeKind.Left, ReasonCodes.StratMarketOutOfScope, OrderIntentExitCause.OutOfScope), (removed.Kind, removed.ReasonCode, removed.ExitCause));
        Assert.Equal([B], tracker.Markets);
    }

    [Fact]
    public void a_resolved_market_leaves_scope_and_never_returns()
    {
        var tracker = ClusterScope();
        tracker.Start([A]);

        var resolved = tracker.MarketResolved(A)!.Value;
        Assert.Equal((ScopeChangeKind.Resolved, ReasonCodes.StratMarketResolved, OrderIntentExitCause.MarketResolved), (resolved.Kind, resolved.ReasonCode, resolved.ExitCause));
        Assert.Null(tracker.MarketAddedToCluster("crypto", A));
        Assert.False(tracker.Contains(A));
    }

    [Fact]
    public void an_invalid_scope_cannot_be_tracked()
    {
        Assert.Throws<ArgumentException>(() => new ScopeTracker(new MarketScope { Mode = ScopeMode.Manual }));
    }
}
