using Polytraders.Grains.Intelligence;

namespace Polytraders.Core.Tests.Intelligence;

public class RollingWindowTests
{
    [Fact]
    public void rolling_sum_drops_the_oldest_value_once_full()
    {
        var sum = new RollingSum(3);
        sum.Push(1m);
        sum.Push(2m);
        Assert.False(sum.IsFull);
        sum.Push(3m);
        Assert.Equal(6m, sum.Sum);
        sum.Push(10m);
        Assert.Equal(15m, sum.Sum); // 2 + 3 + 10
    }

    [Fact]
    public void price_window_gives_the_price_capacity_minus_one_pushes_ago()
    {
        var window = new PriceWindow(3);
        window.Push(0.1m);
        window.Push(0.2m);
        window.Push(0.3m);
        Assert.Equal(0.1m, window.Oldest);
        window.Push(0.4m);
        Assert.Equal(0.2m, window.Oldest);
    }

    [Fact]
    public void sliding_extremes_follow_the_window_as_values_expire()
    {
        var extremes = new SlidingExtremes(3);
        decimal[] values = [0.5m, 0.9m, 0.1m, 0.4m, 0.3m, 0.35m];
        (decimal Low, decimal High)[] expected = [(0.5m, 0.5m), (0.5m, 0.9m), (0.1m, 0.9m), (0.1m, 0.9m), (0.1m, 0.4m), (0.3m, 0.4m)];
        for (var i = 0; i < values.Length; i++)
        {
            extremes.Push(values[i]);
            Assert.Equal(expected[i], (extremes.Lowest, extremes.Highest));
        }
    }

    [Theory]
    [InlineData("2", "1.4142135623730950488")]
    [InlineData("0.0004", "0.02")]
    [InlineData("144", "12")]
    [InlineData("0", "0")]
    public void decimal_square_root_matches_hand_values(string value, string root)
    {
        Assert.Equal(decimal.Parse(root), decimal.Round(ScoreMath.Sqrt(decimal.Parse(value)), 19));
    }
}
