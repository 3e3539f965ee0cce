using Polytraders.Contracts;
using Polytraders.Core.Tests.Momentum;
using Polytraders.Trading.Momentum;
using Polytraders.Trading.Scope;

namespace Polytraders.Core.Tests.Scope;

public class MarketScopeExitTests
{
    private static readonly DateTimeOffset Now = MomentumFixture.Start.AddMinutes(5);

    [Fact]
    public void a_long_market_leaving_scope_is_sold_as_out_of_scope()
    {
        var strategy = MomentumFixture.Strategy();
        strategy.EnterAndFill();

        var exit = strategy.LeaveMarket(new ScopeChange(TestMarkets.Btc.MarketId, ScopeChangeKind.Left, AuditPayloadCause.ClusterRemoval), bookOpen: true, Now).Intent!;

        Assert.Equal((Side.Sell, 18.86m, 0.53m), (exit.Side, exit.Size, exit.LimitPrice));
        Assert.Equal(OrderIntentExitCause.OutOfScope, exit.ExitCause);
        Assert.Equal(Now, exit.CreatedAt);
    }

    [Fact]
    public void a_long_market_resolving_with_the_book_still_open_is_sold_as_resolved()
    {
        var strategy = MomentumFixture.Strategy();
        strategy.EnterAndFill();

        var exit = strategy.LeaveMarket(new ScopeChange(TestMarkets.Btc.MarketId, ScopeChangeKind.Left, AuditPayloadCause.Resolution), bookOpen: true, Now).Intent!;

        Assert.Equal(OrderIntentExitCause.MarketResolved, exit.ExitCause);
    }

    [Fact]
    public void a_long_position_in_a_resolved_market_that_cannot_be_sold_is_flagged()
    {
        var strategy = MomentumFixture.Strategy();
        strategy.EnterAndFill();

        var step = strategy.LeaveMarket(new ScopeChange(TestMarkets.Btc.MarketId, ScopeChangeKind.Left, AuditPayloadCause.Resolution), bookOpen: false, Now);

        Assert.Null(step.Intent);
        Assert.Equal((MomentumPhase.Long, 18.86m), (step.Stranded!.Phase, step.Stranded.Size));
        Assert.Null(strategy.PositionOf(TestMarkets.Btc.MarketId));
    }

    [Fact]
    public void a_flat_market_leaving_scope_is_forgotten()
    {
        var strategy = MomentumFixture.Strategy();

        Assert.True(strategy.LeaveMarket(new ScopeChange(TestMarkets.Btc.MarketId, ScopeChangeKind.Left, AuditPayloadCause.ClusterRemoval), bookOpen: true, Now).IsEmpty);
        Assert.Null(strategy.PositionOf(TestMarkets.Btc.MarketId));
    }

    [Fact]
    public void an_entry_filled_after_the_market_left_scope_is_sold_at_once()
    {
        var strategy = MomentumFixture.Strategy();
        var entry = strategy.Enter();
        Assert.True(strategy.LeaveMarket(new ScopeChange(TestMarkets.Btc.MarketId, ScopeChangeKind.Left, AuditPayloadCause.ClusterRemoval), bookOpen: true, Now).IsEmpty);

        var step = strategy.OnFill(entry.ClientOrderId, Side.Buy, entry.Size, entry.LimitPrice, Now);

        Assert.Equal(OrderIntentExitCause.OutOfScope, step.Intent!.ExitCause);
    }

    [Fact]
    public void a_market_out_of_scope_is_not_entered_again()
    {
        var strategy = MomentumFixture.Strategy();
        var entry = strategy.Enter();
        strategy.LeaveMarket(new ScopeChange(TestMarkets.Btc.MarketId, ScopeChangeKind.Left, AuditPayloadCause.ClusterRemoval), bookOpen: true, Now);

        strategy.OnRejected(entry.ClientOrderId);

        Assert.Null(strategy.PositionOf(TestMarkets.Btc.MarketId));
        Assert.True(strategy.Feed(4, 0.54m, 0.55m).IsEmpty);
    }

    [Fact]
    public void a_refused_exit_after_leaving_scope_flags_the_position()
    {
        var strategy = MomentumFixture.Strategy();
        strategy.EnterAndFill();
        var exit = strategy.LeaveMarket(new ScopeChange(TestMarkets.Btc.MarketId, ScopeChangeKind.Left, AuditPayloadCause.ClusterRemoval), bookOpen: true, Now).Intent!;

        var step = strategy.OnRejected(exit.ClientOrderId);

        Assert.Equal(MomentumPhase.Long, step.Stranded!.Phase);
    }
}
