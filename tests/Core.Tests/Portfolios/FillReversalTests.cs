using Polytraders.Contracts;
using Polytraders.Core.Tests.Momentum;
using Polytraders.Core.Tests.Risk;
using Polytraders.Trading.Portfolios;

namespace Polytraders.Core.Tests.Portfolios;

/// <summary>
/// Taking a booked fill back out when its settlement failed (<see cref="AverageCost.Reverse"/>): the exact inverse of
/// the fill right after it, and, whatever came between, the cash it moved comes back while cash plus cost basis less
/// realised PnL stays what it was.
/// </summary>
public sealed class FillReversalTests
{
    private static readonly Market Market = TestMarkets.Btc;

    [Theory]
    [InlineData(Side.Buy, 10, 0.37, 0)]
    [InlineData(Side.Buy, 3, 0.33, 0.01)]
    [InlineData(Side.Sell, 4, 0.52, 0.02)]
    [InlineData(Side.Sell, 11, 0.29, 0)]
    public void reversing_a_fill_right_after_it_undoes_it_to_the_rounding_of_a_sells_cost(Side side, decimal size, decimal price, decimal fee)
    {
        var before = Apply(Fill(Side.Buy, 7m, 0.31m), Fill(Side.Buy, 5m, 0.47m));
        var fill = Fill(side, size, price, fee);
        var booked = before.Apply(fill);

        var reversed = booked.Position.Reverse(fill);

        // A sell's cost is rounded to base units from the average before it, its reversal's from the average after it.
        var rounding = side == Side.Buy ? 0m : 0.00001m;
        Assert.Equal(before.Size, reversed.Position.Size);
        Assert.InRange(reversed.Position.CostBasis - before.CostBasis, -rounding, rounding);
        Assert.Equal(-booked.CashChange, reversed.CashChange);
        Assert.InRange(reversed.Realised + booked.Realised, -rounding, rounding);
        Assert.Equal(0m, reversed.Shortfall);
    }

    [Fact]
    public void a_failed_buy_takes_out_the_tokens_and_the_cost_it_added_leaving_the_other_buys_as_they_are()
    {
        var failed = Fill(Side.Buy, 10m, 0.30m);
        var held = Apply(failed, Fill(Side.Buy, 20m, 0.45m));

        var reversed = held.Reverse(failed);

        Assert.Equal(new AverageCost(20m, 9m), reversed.Position);
        Assert.Equal(0.45m, reversed.Position.AveragePrice);
        Assert.Equal((3m, 0m), (reversed.CashChange, reversed.Realised));
    }

    [Fact]
    public void a_failed_sell_puts_its_tokens_back_at_the_average_and_takes_back_the_pnl_it_realised()
    {
        var held = Apply(Fill(Side.Buy, 10m, 0.30m), Fill(Side.Buy, 20m, 0.45m));
        var failed = Fill(Side.Sell, 6m, 0.50m);
        var sold = held.Apply(failed);
        var later = sold.Position.Apply(Fill(Side.Buy, 6m, 0.40m));

        var reversed = later.Position.Reverse(failed);

        Assert.Equal(new AverageCost(36m, 14.4m), reversed.Position);
        Assert.Equal(-3m, reversed.CashChange);
        Assert.Equal(-sold.Realised, reversed.Realised);
    }

    [Fact]
    public void a_failed_sell_of_a_position_flat_since_comes_back_at_the_sale_price()
    {
        var failed = Fill(Side.Sell, 10m, 0.60m);
        var flat = Apply(Fill(Side.Buy, 10m, 0.50m)).Apply(failed).Position;

        var reversed = flat.Reverse(failed);

        Assert.Equal(new AverageCost(10m, 6m), reversed.Position);
        Assert.Equal((-6m, 0m), (reversed.CashChange, reversed.Realised));
    }

    [Fact]
    public void a_failed_buy_whose_tokens_were_sold_meanwhile_empties_the_position_and_names_the_shortfall()
    {
        var failed = Fill(Side.Buy, 10m, 0.50m);
        var left = Apply(failed).Apply(Fill(Side.Sell, 6m, 0.60m)).Position;

        var reversed = left.Reverse(failed);

        Assert.Equal(default, reversed.Position);
        Assert.Equal(6m, reversed.Shortfall);
        Assert.Equal(5m, reversed.CashChange);
        Assert.Equal(5m - left.CostBasis, reversed.Realised);
    }

    [Fact]
    public void cash_plus_cost_basis_less_realised_pnl_is_kept_by_every_reversal()
    {
        Fill[] fills = [Fill(Side.Buy, 7m, 0.31m), Fill(Side.Buy, 5m, 0.47m, fee: 0.01m), Fill(Side.Sell, 4m, 0.52m), Fill(Side.Buy, 3m, 0.61m), Fill(Side.Sell, 8m, 0.29m)];
        var position = default(AverageCost);
        foreach (var fill in fills)
        {
            position = position.Apply(fill).Position;
        }

        foreach (var failed in fills)
        {
            var reversed = position.Reverse(failed);
            Assert.Equal(0m, reversed.CashChange + (reversed.Position.CostBasis - position.CostBasis) - reversed.Realised);
            Assert.True(reversed.Position.Size >= 0m && reversed.Position.CostBasis >= 0m, $"{failed.Side} {failed.Size}: {reversed.Position}");
        }
    }

    private static AverageCost Apply(params Fill[] fills) =>
        fills.Aggregate(default(AverageCost), (position, fill) => position.Apply(fill).Position);

    private static Fill Fill(Side side, decimal size, decimal price, decimal fee = 0m) =>
        RiskFixture.FillOf(RiskFixture.Intent(Market, side, size, price), fee: fee);
}
