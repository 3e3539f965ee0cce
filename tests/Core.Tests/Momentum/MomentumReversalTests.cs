using Polytraders.Contracts;
using Polytraders.Trading.Momentum;

namespace Polytraders.Core.Tests.Momentum;

/// <summary>A Strategy's position gives back a booked fill whose settlement failed (FAILED after MATCHED).</summary>
public sealed class MomentumReversalTests
{
    private static readonly string Btc = TestMarkets.Btc.MarketId;

    [Fact]
    public void a_failed_entry_leaves_the_market_flat_and_waits_for_a_fresh_crossing_before_entering_again()
    {
        var strategy = MomentumFixture.Strategy();
        var entry = strategy.EnterAndFill();

        strategy.OnFillReversed(entry.ClientOrderId, Btc, Side.Buy, entry.Size, entry.LimitPrice, MomentumFixture.Start.AddSeconds(4));

        var position = strategy.PositionOf(Btc)!;
        Assert.Equal((MomentumPhase.Flat, 0m, null), (position.Phase, position.Size, position.EntryClientOrderId));
        Assert.Null(strategy.Feed(4, 0.54m, 0.55m).Intent);
    }

    [Fact]
    public void a_failed_part_of_the_entry_takes_out_its_tokens_and_their_price_from_the_average()
    {
        var strategy = MomentumFixture.Strategy();
        var entry = strategy.Enter();
        strategy.OnFill(entry.ClientOrderId, Side.Buy, 10m, 0.53m, MomentumFixture.Start.AddSeconds(3));
        strategy.OnFill(entry.ClientOrderId, Side.Buy, 8m, 0.50m, MomentumFixture.Start.AddSeconds(3));

        strategy.OnFillReversed(entry.ClientOrderId, Btc, Side.Buy, 8m, 0.50m, MomentumFixture.Start.AddSeconds(4));

        var position = strategy.PositionOf(Btc)!;
        Assert.Equal((MomentumPhase.Long, 10m, 0.53m), (position.Phase, position.Size, position.EntryPrice));
    }

    [Fact]
    public void a_failed_buy_of_an_order_no_position_refers_to_changes_nothing()
    {
        var strategy = MomentumFixture.Strategy();
        var entry = strategy.EnterAndFill();
        var before = strategy.PositionOf(Btc);

        Assert.True(strategy.OnFillReversed("someone-else", Btc, Side.Buy, entry.Size, entry.LimitPrice, MomentumFixture.Start).IsEmpty);

        Assert.Equal(before, strategy.PositionOf(Btc));
    }

    [Fact]
    public void a_failed_exit_gives_the_tokens_back_long_referring_to_the_exit_order()
    {
        var strategy = MomentumFixture.Strategy();
        var entry = strategy.EnterAndFill();
        var exit = strategy.Feed(4, 0.51m).Intent!;
        strategy.OnFill(exit.ClientOrderId, Side.Sell, exit.Size, exit.LimitPrice, MomentumFixture.Start.AddSeconds(4));
        Assert.Equal(MomentumPhase.Flat, strategy.PositionOf(Btc)!.Phase);

        strategy.OnFillReversed(exit.ClientOrderId, Btc, Side.Sell, exit.Size, exit.LimitPrice, MomentumFixture.Start.AddSeconds(5));

        var position = strategy.PositionOf(Btc)!;
        Assert.Equal((MomentumPhase.Long, entry.Size, exit.LimitPrice, exit.ClientOrderId), (position.Phase, position.Size, position.EntryPrice, position.EntryClientOrderId));
    }

    [Fact]
    public void a_failed_part_of_an_exit_adds_its_tokens_back_at_the_entry_price()
    {
        var strategy = MomentumFixture.Strategy();
        var entry = strategy.EnterAndFill();
        var exit = strategy.Feed(4, 0.51m).Intent!;
        strategy.OnFill(exit.ClientOrderId, Side.Sell, 10m, exit.LimitPrice, MomentumFixture.Start.AddSeconds(4));
        strategy.OnRejected(exit.ClientOrderId);

        strategy.OnFillReversed(exit.ClientOrderId, Btc, Side.Sell, 10m, exit.LimitPrice, MomentumFixture.Start.AddSeconds(5));

        var position = strategy.PositionOf(Btc)!;
        Assert.Equal((MomentumPhase.Long, entry.Size, entry.LimitPrice, entry.ClientOrderId), (position.Phase, position.Size, position.EntryPrice, position.EntryClientOrderId));
    }

    [Fact]
    public void an_exit_in_flight_whose_tokens_failed_to_arrive_ends_flat_when_the_exit_is_refused()
    {
        var strategy = MomentumFixture.Strategy();
        var entry = strategy.EnterAndFill();
        var exit = strategy.Feed(4, 0.51m).Intent!;

        strategy.OnFillReversed(entry.ClientOrderId, Btc, Side.Buy, entry.Size, entry.LimitPrice, MomentumFixture.Start.AddSeconds(5));
        Assert.Equal((MomentumPhase.PendingExit, 0m), (strategy.PositionOf(Btc)!.Phase, strategy.PositionOf(Btc)!.Size));
        strategy.OnRejected(exit.ClientOrderId);

        Assert.Equal(MomentumPhase.Flat, strategy.PositionOf(Btc)!.Phase);
    }
}
