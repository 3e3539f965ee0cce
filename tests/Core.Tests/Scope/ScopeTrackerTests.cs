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

    private static ScopeTracker ManualScope(params string[] markets) => new(new MarketScope { Mode = ScopeMode.Manual, MarketIds = [.. markets] });

    private static string MarketNo(int i) => $"0x{i:x64}";

    [Fact]
    public void a_manual_scope_starts_with_its_list_and_ignores_cluster_members()
    {
        var tracker = ManualScope(A, B);

        var entered = tracker.Start([C]);

        Assert.Equal([new ScopeChange(A, ScopeChangeKind.Entered, AuditPayloadCause.Launch), new ScopeChange(B, ScopeChangeKind.Entered, AuditPayloadCause.Launch)], entered);
        Assert.Null(tracker.MarketAddedToCluster("crypto", C));
    }

    [Fact]
    public void a_cluster_scope_follows_the_cluster_it_is_bound_to()
    {
        var tracker = ClusterScope();
        Assert.Equal([new ScopeChange(A, ScopeChangeKind.Entered, AuditPayloadCause.Launch)], tracker.Start([A]));

        var added = tracker.MarketAddedToCluster("crypto", B)!.Value;
        Assert.Equal((ScopeChangeKind.Entered, ReasonCodes.StratMarketInScope, AuditPayloadCause.ClusterAddition), (added.Kind, added.ReasonCode, added.Cause));
        Assert.Null(tracker.MarketAddedToCluster("politics", C));
        Assert.Null(tracker.MarketAddedToCluster("crypto", B.ToUpperInvariant()));

        var removed = tracker.MarketRemovedFromCluster("crypto", A)!.Value;
        Assert.Equal((ScopeChangeKind.Left, ReasonCodes.StratMarketOutOfScope, AuditPayloadCause.ClusterRemoval, OrderIntentExitCause.OutOfScope), (removed.Kind, removed.ReasonCode, removed.Cause, removed.ExitCause));
        Assert.Equal([B], tracker.Markets);
    }

    [Fact]
    public void a_resolved_market_leaves_scope_out_of_scope_with_its_cause_and_never_returns()
    {
        var tracker = ClusterScope();
        tracker.Start([A]);

        var resolved = tracker.MarketResolved(A)!.Value;
        Assert.Equal(
            (ScopeChangeKind.Left, ReasonCodes.StratMarketOutOfScope, AuditPayloadCause.Resolution, OrderIntentExitCause.MarketResolved, ReasonCodes.StratMarketResolved),
            (resolved.Kind, resolved.ReasonCode, resolved.Cause, resolved.ExitCause, resolved.StrandedCode));
        Assert.Equal(new AuditPayload { Kind = AuditPayloadKind.Scope, MarketId = A, Cause = AuditPayloadCause.Resolution }, resolved.Payload);
        Assert.Null(tracker.MarketAddedToCluster("crypto", A));
        Assert.False(tracker.Contains(A));
    }

    [Fact]
    public void an_operator_adds_and_removes_markets_of_a_running_manual_list()
    {
        var tracker = ManualScope(A);
        tracker.Start([]);

        var added = tracker.MarketSelected(B);
        Assert.Equal(new ScopeEdit(null, true, new ScopeChange(B, ScopeChangeKind.Entered, AuditPayloadCause.ManualSelection)), added);
        Assert.Equal(ScopeEdit.Unchanged, tracker.MarketSelected(B.ToUpperInvariant()));

        var removed = tracker.MarketDeselected(A);
        Assert.Equal(new ScopeEdit(null, true, new ScopeChange(A, ScopeChangeKind.Left, AuditPayloadCause.ManualDeselection)), removed);
        Assert.Equal((ReasonCodes.StratMarketOutOfScope, OrderIntentExitCause.OutOfScope), (removed.Change!.Value.ReasonCode, removed.Change.Value.ExitCause));
        Assert.Equal(ScopeEdit.Unchanged, tracker.MarketDeselected(C));

        Assert.Equal([B], tracker.Markets);
        Assert.Equal(ScopeMode.Manual, tracker.Scope.Mode);
        Assert.Equal([B], tracker.Scope.MarketIds!);
    }

    [Fact]
    public void an_edited_manual_list_keeps_at_most_50_markets_and_at_least_one()
    {
        var tracker = ManualScope([.. Enumerable.Range(1, 50).Select(MarketNo)]);
        tracker.Start([]);

        Assert.Equal(ReasonCodes.StratScopeTooManyMarkets, tracker.MarketSelected(MarketNo(51)).Refusal?.Code);
        Assert.True(tracker.MarketDeselected(MarketNo(1)).Changed);
        Assert.True(tracker.MarketSelected(MarketNo(51)).Changed);
        Assert.Equal(50, tracker.Scope.MarketIds!.Count);

        var single = ManualScope(A);
        single.Start([]);
        Assert.Equal(ReasonCodes.StratScopeEmpty, single.MarketDeselected(A).Refusal?.Code);
        Assert.Equal([A], single.Markets);
    }

    [Fact]
    public void a_cluster_scope_has_no_list_to_edit()
    {
        var tracker = ClusterScope();
        tracker.Start([A]);

        Assert.Equal(ReasonCodes.StratScopeNotManual, tracker.MarketSelected(B).Refusal?.Code);
        Assert.Equal(ReasonCodes.StratScopeNotManual, tracker.MarketDeselected(A).Refusal?.Code);
        Assert.Equal([A], tracker.Markets);
    }

    [Fact]
    public void a_resolved_market_stays_on_the_list_out_of_scope_and_cannot_be_added_again()
    {
        var tracker = ManualScope(A, B);
        tracker.Start([]);
        tracker.MarketResolved(A);

        Assert.Equal(ScopeEdit.Unchanged, tracker.MarketSelected(A));
        var removed = tracker.MarketDeselected(A);
        Assert.Equal(new ScopeEdit(null, true, null), removed);
        Assert.Equal(ReasonCodes.StratMarketResolved, tracker.MarketSelected(A).Refusal?.Code);
    }

    [Fact]
    public void a_resumed_manual_scope_keeps_a_market_that_resolved_out()
    {
        // A new activation knows the markets in scope, not which resolved: a listed market out of scope has resolved.
        var tracker = ManualScope(A, B);
        tracker.Resume([B]);

        Assert.Equal([B], tracker.Markets);
        Assert.Null(tracker.MarketResolved(A));
        Assert.Equal(new ScopeEdit(null, true, null), tracker.MarketDeselected(A));
        Assert.Equal(ReasonCodes.StratMarketResolved, tracker.MarketSelected(A).Refusal?.Code);
    }

    [Fact]
    public void an_invalid_scope_cannot_be_tracked()
    {
        Assert.Throws<ArgumentException>(() => new ScopeTracker(new MarketScope { Mode = ScopeMode.Manual }));
    }
}
