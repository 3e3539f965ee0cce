using System.Text.RegularExpressions;
using Polytraders.Contracts;
using Polytraders.Trading.Momentum;

namespace Polytraders.Core.Tests.Momentum;

public class MomentumStrategyTests
{
    [Fact]
    public void a_score_at_the_entry_threshold_buys_order_size_worth_of_the_token()
    {
        var strategy = MomentumFixture.Strategy();

        var step = strategy.Feed(0, 0.50m, 0.51m, 0.52m, 0.53m);

        var intent = Assert.IsType<OrderIntent>(step.Intent);
        Assert.Equal(Side.Buy, intent.Side);
        Assert.Equal(0.53m, intent.LimitPrice);
        Assert.Equal(18.86m, intent.Size); // 10 / 0.53 = 18.867... rounded down
        Assert.Equal(ReasonCodes.StratMomentumLong, intent.ReasonCode);
        Assert.Null(intent.ExitCause);
        Assert.Equal(TimeInForce.Fak, intent.TimeInForce);
        Assert.Equal(TestMarkets.Btc.YesToken(), intent.TokenId);
        Assert.Equal(1m, intent.Signal.StrategyScore);
        Assert.Equal((MomentumFixture.Identity.PortfolioId, MomentumFixture.Identity.StrategyId, MomentumFixture.Identity.LaunchId), (intent.PortfolioId, intent.StrategyId, intent.LaunchId));
        Assert.Equal(MomentumPhase.PendingEntry, strategy.PositionOf(TestMarkets.Btc.MarketId)!.Phase);
    }

    [Fact]
    public void the_threshold_crossing_is_reported_as_a_signal_once()
    {
        var strategy = MomentumFixture.Strategy();
        var steps = new[] { 0.50m, 0.51m, 0.52m, 0.53m, 0.54m, 0.55m }.Select((p, i) => strategy.OnTick(MomentumFixture.Tick(i, p))).ToList();

        Assert.Equal([false, false, false, true, false, false], steps.Select(s => s.Signal is not null));
        Assert.Same(steps[3].Signal, steps[3].Intent!.Signal);
    }

    [Fact]
    public void nothing_new_is_ordered_while_the_entry_is_pending()
    {
        var strategy = MomentumFixture.Strategy();
        strategy.Enter();

        Assert.Null(strategy.Feed(4, 0.54m, 0.55m).Intent);
    }

    [Fact]
    public void a_fill_of_the_entry_makes_the_market_long_at_the_fill_price()
    {
        var strategy = MomentumFixture.Strategy();
        var entry = strategy.EnterAndFill();

        var position = strategy.PositionOf(TestMarkets.Btc.MarketId)!;
        Assert.Equal(MomentumPhase.Long, position.Phase);
        Assert.Equal((18.86m, 0.53m, MomentumFixture.Start.AddSeconds(3)), (position.Size, position.EntryPrice, position.EnteredAt!.Value));
        Assert.Equal(entry.ClientOrderId, position.EntryClientOrderId);
        Assert.Null(position.PendingClientOrderId);
    }

    [Fact]
    public void a_rejected_entry_returns_to_flat_and_waits_for_a_fresh_crossing()
    {
        var strategy = MomentumFixture.Strategy();
        var first = strategy.Enter();

        strategy.OnRejected(first.ClientOrderId);
        Assert.Equal(MomentumPhase.Flat, strategy.PositionOf(TestMarkets.Btc.MarketId)!.Phase);

        Assert.Null(strategy.Feed(4, 0.54m).Intent); // still at +1: not asked again
        Assert.Null(strategy.Feed(5, 0.52m).Intent); // falls to -1, leaving the entry zone
        var second = strategy.Feed(6, 0.55m).Intent; // crosses again
        Assert.NotNull(second);
        Assert.NotEqual(first.ClientOrderId, second.ClientOrderId);
    }

    [Fact]
    public void take_profit_sells_the_position_when_the_price_gains_the_target()
    {
        var strategy = MomentumFixture.Strategy();
        strategy.EnterAndFill();

        Assert.Null(strategy.Feed(4, 0.57m).Intent);
        var exit = strategy.Feed(5, 0.583m).Intent!;

        Assert.Equal((Side.Sell, 18.86m, 0.58m), (exit.Side, exit.Size, exit.LimitPrice)); // sell limit rounds down
        Assert.Equal(OrderIntentExitCause.TakeProfit, exit.ExitCause);
        Assert.Equal(ReasonCodes.StratMomentumExit, exit.ReasonCode);
        Assert.Equal(MomentumPhase.PendingExit, strategy.PositionOf(TestMarkets.Btc.MarketId)!.Phase);
    }

    [Fact]
    public void a_score_at_the_exit_threshold_sells_on_signal_reversal()
    {
        var strategy = MomentumFixture.Strategy();
        strategy.EnterAndFill();

        // 0.51 after 0.51, 0.52, 0.53: fast EWMA below slow, down over two ticks, at the range low: all vote down
        var exit = strategy.Feed(4, 0.51m).Intent!;

        Assert.Equal(OrderIntentExitCause.SignalReversal, exit.ExitCause);
        Assert.Equal(-1m, exit.Signal.StrategyScore);
    }

    [Fact]
    public void max_holding_time_sells_a_position_that_neither_gained_nor_reversed()
    {
        var strategy = MomentumFixture.Strategy(MomentumFixture.Parameters(maxHoldingMinutes: 30));
        strategy.EnterAndFill();

        Assert.Null(strategy.Feed(100, 0.53m).Intent);
        var exit = strategy.Feed(3 + (30 * 60), 0.53m).Intent!;

        Assert.Equal(OrderIntentExitCause.MaxHolding, exit.ExitCause);
    }

    [Fact]
    public void a_fill_of_the_whole_exit_returns_the_market_to_flat()
    {
        var strategy = MomentumFixture.Strategy();
        strategy.EnterAndFill();
        var exit = strategy.Feed(4, 0.51m).Intent!;

        strategy.OnFill(exit.ClientOrderId, Side.Sell, exit.Size, exit.LimitPrice, MomentumFixture.Start.AddSeconds(4));

        var position = strategy.PositionOf(TestMarkets.Btc.MarketId)!;
        Assert.Equal((MomentumPhase.Flat, 0m), (position.Phase, position.Size));
    }

    [Fact]
    public void a_partly_filled_exit_that_is_cancelled_leaves_the_rest_long()
    {
        var strategy = MomentumFixture.Strategy();
        strategy.EnterAndFill();
        var exit = strategy.Feed(4, 0.51m).Intent!;

        strategy.OnFill(exit.ClientOrderId, Side.Sell, 10m, exit.LimitPrice, MomentumFixture.Start.AddSeconds(4));
        Assert.Equal(MomentumPhase.PendingExit, strategy.PositionOf(TestMarkets.Btc.MarketId)!.Phase);

        strategy.OnRejected(exit.ClientOrderId);
        var position = strategy.PositionOf(TestMarkets.Btc.MarketId)!;
        Assert.Equal((MomentumPhase.Long, 8.86m), (position.Phase, position.Size));
    }

    [Fact]
    public void an_entry_below_the_market_minimum_size_is_not_ordered()
    {
        var strategy = MomentumFixture.Strategy(MomentumFixture.Parameters(orderSize: 2m)); // 3.77 tokens < 5

        Assert.True(strategy.Feed(0, 0.50m, 0.51m, 0.52m, 0.53m).Intent is null);
    }

    [Fact]
    public void ticks_of_other_tokens_other_markets_and_the_past_are_ignored()
    {
        var strategy = MomentumFixture.Strategy();
        strategy.Feed(10, 0.50m, 0.51m, 0.52m);

        Assert.True(strategy.OnTick(MomentumFixture.Tick(13, 0.53m) with { TokenId = TestMarkets.Btc.Outcomes[1].TokenId }).IsEmpty);
        Assert.True(strategy.OnTick(MomentumFixture.Tick(13, 0.53m, TestMarkets.Eth)).IsEmpty);
        Assert.True(strategy.OnTick(MomentumFixture.Tick(5, 0.53m)).IsEmpty);
        Assert.NotNull(strategy.OnTick(MomentumFixture.Tick(13, 0.53m)).Intent);
    }

    [Fact]
    public void client_order_ids_are_reproducible_per_launch_and_valid()
    {
        var ids = Ids(MomentumFixture.Identity);
        Assert.Equal(ids, Ids(MomentumFixture.Identity));
        Assert.NotEqual(ids, Ids(MomentumFixture.Identity with { LaunchId = "LCH-test-0002" }));
        Assert.All(ids, id => Assert.Matches(new Regex("^[A-Za-z0-9-]{8,64}$"), id));

        static List<string> Ids(MomentumIdentity identity)
        {
            var strategy = MomentumFixture.Strategy(identity: identity);
            var entry = strategy.EnterAndFill();
            return [entry.ClientOrderId, strategy.Feed(4, 0.51m).Intent!.ClientOrderId];
        }
    }

    [Fact]
    public void a_restored_strategy_keeps_its_positions_and_never_reuses_an_id()
    {
        var strategy = MomentumFixture.Strategy();
        var entry = strategy.EnterAndFill();

        var restored = MomentumFixture.Strategy(restored: strategy.State);
        var position = restored.PositionOf(TestMarkets.Btc.MarketId)!;
        Assert.Equal((MomentumPhase.Long, 18.86m), (position.Phase, position.Size));

        // the restored pipeline warms up again (a quorum from the fourth tick) before it can score a reversal
        var exit = restored.Feed(10, 0.53m, 0.52m, 0.51m, 0.50m).Intent!;
        Assert.Equal(OrderIntentExitCause.SignalReversal, exit.ExitCause);
        Assert.NotEqual(entry.ClientOrderId, exit.ClientOrderId);
        Assert.EndsWith("-2", exit.ClientOrderId);
    }

    [Fact]
    public void invalid_parameters_are_refused()
    {
        var parameters = MomentumFixture.Parameters() with { SlowLookback = 2 };
        Assert.Throws<ArgumentException>(() => MomentumFixture.Strategy(parameters));
    }
}
