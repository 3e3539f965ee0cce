using Polytraders.Trading.Intelligence;

namespace Polytraders.Core.Tests.Intelligence;

public class RollingWindowTests
{
    [Fact]
    public void rolling_sum_drops_the_oldest_value_once_full()
    {
        var sum = new RollingSum<Fixed>(3);
        sum.Push(1);
        sum.Push(2);
        Assert.False(sum.IsFull);
        sum.Push(3);
        Assert.Equal(6m, sum.Sum.ToDecimal());
        sum.Push(10);
        Assert.Equal(15m, sum.Sum.ToDecimal()); // 2 + 3 + 10
    }

    [Fact]
    public void price_window_gives_the_price_capacity_minus_one_pushes_ago()
    {
        var window = new PriceWindow(3);
        foreach (var price in new[] { 0.1m, 0.2m, 0.3m })
        {
            window.Push(Fixed.From(price));
        }

        Assert.Equal(0.1m, window.Oldest.ToDecimal());
        window.Push(Fixed.From(0.4m));
        Assert.Equal(0.2m, window.Oldest.ToDecimal());
    }

    [Fact]
    public void sliding_extremes_follow_the_window_as_values_expire()
    {
        var extremes = new SlidingExtremes(3);
        decimal[] values = [0.5m, 0.9m, 0.1m, 0.4m, 0.3m, 0.35m];
        (decimal Low, decimal High)[] expected = [(0.5m, 0.5m), (0.5m, 0.9m), (0.1m, 0.9m), (0.1m, 0.9m), (0.1m, 0.4m), (0.3m, 0.4m)];
        for (var i = 0; i < values.Length; i++)
        {
            extremes.Push(Fixed.From(values[i]));
            Assert.Equal(expected[i], (extremes.Lowest.ToDecimal(), extremes.Highest.ToDecimal()));
        }
    }
}
