using Polytraders.Contracts;
using Polytraders.Trading.Intelligence;

namespace Polytraders.Core.Tests.Intelligence;

public class PriceSensorTests
{
    [Fact]
    public void last_price_reads_the_tick_price_and_abstains_before_the_first_tick()
    {
        var sensor = new LastPriceSensor();
        Assert.Equal(Observation.Missing(ReasonCodes.IntelInsufficientHistory), sensor.Current);

        sensor.Observe(Ticks.At(0, 0.42m));

        Assert.Equal(Observation.Of(0.42m), sensor.Current);
    }

    [Fact]
    public void ewma_seeds_with_the_first_price_and_withholds_until_lookback_ticks()
    {
        // lookback 3: alpha = 2 / 4 = 0.5
        var sensor = new EwmaSensor("ewma_slow", 3);
        sensor.Observe(Ticks.At(0, 0.40m));
        sensor.Observe(Ticks.At(1, 0.50m));
        Assert.Equal(Observation.Missing(ReasonCodes.IntelInsufficientHistory), sensor.Current);

        sensor.Observe(Ticks.At(2, 0.60m));
        Assert.Equal(0.525m, sensor.Current.Value); // 0.40 -> 0.45 -> 0.525

        sensor.Observe(Ticks.At(3, 0.425m));
        Assert.Equal(0.475m, sensor.Current.Value); // 0.525 + 0.5 * (0.425 - 0.525)
        Assert.Equal("ewma_slow", sensor.Name);
    }

    [Fact]
    public void rate_of_change_is_the_price_change_over_the_lookback()
    {
        var sensor = new RateOfChangeSensor(2);
        sensor.Observe(Ticks.At(0, 0.40m));
        sensor.Observe(Ticks.At(1, 0.45m));
        Assert.False(sensor.Current.HasValue);

        sensor.Observe(Ticks.At(2, 0.52m));
        Assert.Equal(0.12m, sensor.Current.Value);

        sensor.Observe(Ticks.At(3, 0.50m));
        Assert.Equal(0.05m, sensor.Current.Value); // 0.50 - 0.45
    }

    [Fact]
    public void realised_volatility_is_the_root_mean_square_of_tick_changes()
    {
        var sensor = new RealisedVolatilitySensor(2);
        sensor.Observe(Ticks.At(0, 0.50m));
        sensor.Observe(Ticks.At(1, 0.53m));
        Assert.Equal(Observation.Missing(ReasonCodes.IntelInsufficientHistory), sensor.Current);

        // changes +0.03, -0.04: sqrt((0.0009 + 0.0016) / 2) = sqrt(0.00125) = 0.0353553390593..., to the billionth below
        sensor.Observe(Ticks.At(2, 0.49m));
        Assert.Equal(0.035355339m, sensor.Current.Value);

        // changes -0.04, 0: sqrt(0.0016 / 2) = sqrt(0.0008) = 0.0282842712474...
        sensor.Observe(Ticks.At(3, 0.49m));
        Assert.Equal(0.028284271m, sensor.Current.Value);
    }
}
