using Polytraders.Contracts;
using Polytraders.Core.Tests.Momentum;
using Polytraders.Trading.Portfolios;
using Polytraders.Trading.Risk;
using static Polytraders.Core.Tests.Risk.RiskFixture;

namespace Polytraders.Core.Tests.Risk;

/// <summary>The risk book (the Portfolio's) gives back a booked fill whose settlement failed, once.</summary>
public sealed class RiskReversalTests
{
    private static readonly Market Btc = TestMarkets.Btc;

    [Fact]
    public void a_failed_buy_on_an_order_still_held_restores_cash_and_position_and_is_recognised_when_delivered_again()
    {
        var engine = Engine(balance: 1000m);
        var intent = Buy(Btc, 10m, 0.5m);
        var fill = FillOf(engine.Evaluate(intent, Btc, Trade(0.5m), Now).Final!);
        engine.ApplyFill(fill, Btc, Now);
        Assert.False(engine.HasReversed(fill));

        var reversal = engine.ReverseFill(fill, Btc, Now);

        Assert.Equal((0m, null), (reversal.Shortfall, reversal.Transition));
        Assert.Equal(1000m, engine.Book.Balance);
        Assert.Equal((0m, 0m), (engine.Book.Positions[fill.TokenId].Size, engine.Book.Positions[fill.TokenId].CostBasis));
        Assert.True(engine.HasReversed(fill));
        Assert.True(engine.HasBooked(fill));
        Assert.Equal(0m, engine.Book.OpenOrders[intent.ClientOrderId].RemainingSize);
    }

    [Fact]
    public void a_failed_fill_of_an_order_already_released_is_held_with_nothing_reserved_until_released_again()
    {
        var engine = Engine(balance: 1000m);
        var intent = Buy(Btc, 10m, 0.5m);
        engine.Trade(Btc, intent);
        var fill = FillOf(intent);
        Assert.Empty(engine.Book.OpenOrders);

        engine.ReverseFill(fill, Btc, Now);

        var held = engine.Book.OpenOrders[intent.ClientOrderId];
        Assert.Equal((0m, 0m), (held.RemainingSize, held.ReservedNotional));
        Assert.Equal(1000m, engine.Book.AvailableBalance());
        Assert.True(engine.HasReversed(fill));
        engine.ReleaseOrder(intent.ClientOrderId);
        Assert.Empty(engine.Book.OpenOrders);
        Assert.Equal(0m, Assert.Single(PortfolioPositions.Of(engine.Book)).Size);
    }

    [Fact]
    public void a_failed_sell_gives_the_tokens_back_and_takes_back_the_pnl_it_realised_today()
    {
        var engine = Engine(balance: 1000m);
        engine.Trade(Btc, Buy(Btc, 20m, 0.5m));
        var sell = Sell(Btc, 10m, 0.3m);
        engine.Trade(Btc, sell);
        Assert.Equal(-2m, engine.Book.RealisedPnlToday);

        engine.ReverseFill(FillOf(sell), Btc, Now);

        var position = engine.Book.Positions[Btc.YesToken()];
        Assert.Equal((20m, 10m, 0m), (position.Size, position.CostBasis, position.RealisedPnl));
        Assert.Equal(0m, engine.Book.RealisedPnlToday);
        Assert.Equal(990m, engine.Book.Balance);
    }

    [Fact]
    public void a_failed_sell_that_had_emptied_the_position_gives_the_tokens_back_at_what_they_cost()
    {
        var engine = Engine(balance: 1000m);
        engine.Trade(Btc, Buy(Btc, 20m, 0.5m));
        var exit = Sell(Btc, 20m, 0.3m);
        engine.Trade(Btc, exit);
        Assert.Equal((0m, -4m), (engine.Book.Positions[Btc.YesToken()].Size, engine.Book.RealisedPnlToday));

        engine.ReverseFill(FillOf(exit), Btc, Now);

        var position = engine.Book.Positions[Btc.YesToken()];
        Assert.Equal((20m, 10m, 0m), (position.Size, position.CostBasis, position.RealisedPnl));
        Assert.Equal(0m, engine.Book.RealisedPnlToday);
        Assert.Equal(990m, engine.Book.Balance);
    }

    [Fact]
    public void a_failed_buy_whose_tokens_were_sold_reports_the_shortfall_and_leaves_no_short_position()
    {
        var engine = Engine(balance: 1000m);
        var buy = Buy(Btc, 20m, 0.5m);
        engine.Trade(Btc, buy);
        engine.Trade(Btc, Sell(Btc, 15m, 0.5m));

        var reversal = engine.ReverseFill(FillOf(buy), Btc, Now);

        Assert.Equal(15m, reversal.Shortfall);
        Assert.Equal(0m, engine.Book.Positions[Btc.YesToken()].Size);
    }
}
