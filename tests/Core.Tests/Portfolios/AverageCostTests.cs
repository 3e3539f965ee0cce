using Polytraders.Contracts;
using Polytraders.Core.Tests.Momentum;
using Polytraders.Core.Tests.Risk;
using Polytraders.Trading.Portfolios;

namespace Polytraders.Core.Tests.Portfolios;

/// <summary>
/// The one average-cost rule: what the Portfolio shows reviewers (average_price as PortfolioState defines it) and the
/// cost basis the risk book counts as exposure, after the same fills.
/// </summary>
public sealed class AverageCostTests
{
    private static readonly Market Market = TestMarkets.Btc;

    [Fact]
    public void average_price_is_the_cost_basis_per_token_held_rounded_to_12_decimals()
    {
        var position = Apply(Fill(Side.Buy, 1m, 0.11m), Fill(Side.Buy, 2m, 0.12m));

        Assert.Equal(3m, position.Size);
        Assert.Equal(0.35m, position.CostBasis);
        Assert.Equal(0.116666666667m, position.AveragePrice);
    }

    [Fact]
    public void a_sell_takes_out_its_share_of_the_cost_and_leaves_the_average_price_as_it_was()
    {
        var bought = Apply(Fill(Side.Buy, 10m, 0.30m), Fill(Side.Buy, 20m, 0.45m));

        var effect = bought.Apply(Fill(Side.Sell, 6m, 0.50m));

        Assert.Equal(0.4m, bought.AveragePrice);
        Assert.Equal(new AverageCost(24m, 9.6m), effect.Position);
        Assert.Equal(0.4m, effect.Position.AveragePrice);
        Assert.Equal(3m, effect.CashChange);
        Assert.Equal(0.6m, effect.Realised);
    }

    [Fact]
    public void the_last_sell_takes_out_all_the_cost_left_and_the_flat_position_shows_a_zero_average()
    {
        var bought = Apply(Fill(Side.Buy, 3m, 0.33m));
        var partly = bought.Apply(Fill(Side.Sell, 1m, 0.40m)).Position;

        var effect = partly.Apply(Fill(Side.Sell, 2m, 0.40m));

        Assert.Equal(default, effect.Position);
        Assert.Equal(0m, effect.Position.AveragePrice);
        Assert.Equal(0.8m - partly.CostBasis, effect.Realised);
    }

    [Fact]
    public void fees_leave_cash_and_count_against_realised_pnl_on_both_sides()
    {
        var buy = default(AverageCost).Apply(Fill(Side.Buy, 10m, 0.5m, fee: 0.02m));
        var sell = buy.Position.Apply(Fill(Side.Sell, 10m, 0.6m, fee: 0.03m));

        Assert.Equal(-5.02m, buy.CashChange);
        Assert.Equal(-0.02m, buy.Realised);
        Assert.Equal(5.97m, sell.CashChange);
        Assert.Equal(0.97m, sell.Realised);
    }

    [Fact]
    public void selling_more_than_is_held_is_refused()
    {
        var held = Apply(Fill(Side.Buy, 1m, 0.5m));

        Assert.Throws<InvalidOperationException>(() => held.Apply(Fill(Side.Sell, 2m, 0.5m)));
    }

    [Fact]
    public void the_portfolio_shows_the_risk_books_positions_by_the_same_rule_flat_ones_with_their_realised_pnl()
    {
        var engine = RiskFixture.Engine(balance: 1000m);
        Fill[] fills = [Fill(Side.Buy, 7m, 0.31m), Fill(Side.Buy, 5m, 0.47m, fee: 0.01m), Fill(Side.Sell, 4m, 0.52m), Fill(Side.Sell, 8m, 0.29m)];
        var expectedRealised = 0m;
        var expectedCash = 1000m;
        var position = default(AverageCost);

        foreach (var fill in fills)
        {
            engine.ApplyFill(fill, Market, RiskFixture.Now);
            var effect = position.Apply(fill);
            (position, expectedRealised, expectedCash) = (effect.Position, expectedRealised + effect.Realised, expectedCash + effect.CashChange);
            var shown = Assert.Single(PortfolioPositions.Of(engine.Book));
            Assert.Equal(position.Size, shown.Size);
            Assert.Equal(position.CostBasis, shown.CostBasis);
            Assert.Equal(position.AveragePrice, shown.AveragePrice);
            Assert.Equal(expectedRealised, shown.RealisedPnl);
            Assert.Equal(expectedCash, engine.Book.Balance);
        }

        var flat = Assert.Single(PortfolioPositions.Of(engine.Book));
        Assert.Equal((0m, 0m, 0m), (flat.Size, flat.CostBasis, flat.AveragePrice));
        Assert.Equal(expectedRealised, engine.Book.RealisedPnlToday);
    }

    private static AverageCost Apply(params Fill[] fills) =>
        fills.Aggregate(default(AverageCost), (position, fill) => position.Apply(fill).Position);

    private static Fill Fill(Side side, decimal size, decimal price, decimal fee = 0m) =>
        RiskFixture.FillOf(RiskFixture.Intent(Market, side, size, price), fee: fee);
}
