using Polytraders.Trading;

namespace Polytraders.Core.Tests.Momentum;

public class OrderGridTests
{
    [Theory]
    [InlineData("0.523", "0.01", "0.53")]
    [InlineData("0.52", "0.01", "0.52")]
    [InlineData("0.995", "0.01", "0.99")] // capped at 1 - tick
    [InlineData("0.5201", "0.001", "0.521")]
    public void a_buy_limit_rounds_the_last_price_up_to_the_tick(string last, string tick, string limit)
    {
        Assert.Equal(decimal.Parse(limit), OrderGrid.BuyLimit(decimal.Parse(last), decimal.Parse(tick)));
    }

    [Theory]
    [InlineData("0.527", "0.01", "0.52")]
    [InlineData("0.004", "0.01", "0.01")] // floored at the tick
    [InlineData("0.5275", "0.0025", "0.5275")]
    public void a_sell_limit_rounds_the_last_price_down_to_the_tick(string last, string tick, string limit)
    {
        Assert.Equal(decimal.Parse(limit), OrderGrid.SellLimit(decimal.Parse(last), decimal.Parse(tick)));
    }

    [Theory]
    [InlineData("19.2307", "19.23")]
    [InlineData("19.239", "19.23")]
    [InlineData("5", "5")]
    public void sizes_round_down_to_two_decimals(string size, string floored)
    {
        Assert.Equal(decimal.Parse(floored), OrderGrid.FloorSize(decimal.Parse(size)));
    }

    [Theory]
    [InlineData("0.52", true)]
    [InlineData("0.525", false)]
    [InlineData("0", false)]
    [InlineData("1", false)]
    [InlineData("0.99", true)]
    public void a_price_is_on_the_grid_when_a_tick_multiple_inside_tick_and_one_minus_tick(string price, bool onTick)
    {
        Assert.Equal(onTick, OrderGrid.IsOnTick(decimal.Parse(price), 0.01m));
    }
}
