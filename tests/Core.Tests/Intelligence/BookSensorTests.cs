using Polytraders.Contracts;
using Polytraders.Trading.Intelligence;

namespace Polytraders.Core.Tests.Intelligence;

public class BookSensorTests
{
    [Fact]
    public void mid_price_is_the_midpoint_of_the_best_quotes()
    {
        var sensor = new MidPriceSensor(Fixed.From(0.10m));
        sensor.Observe(Ticks.Book(0, 0.41m, bid: 0.40m, ask: 0.44m));
        Assert.Equal(Observation.Of(0.42m), sensor.Current);
    }

    [Fact]
    public void mid_price_is_flagged_when_the_spread_is_wider_than_trusted()
    {
        var sensor = new MidPriceSensor(Fixed.From(0.10m));
        sensor.Observe(Ticks.Book(0, 0.41m, bid: 0.30m, ask: 0.50m));
        Assert.Equal(Observation.Degraded(0.40m, ReasonCodes.DiscWideSpread), sensor.Current);
    }

    [Fact]
    public void mid_price_abstains_without_both_sides_or_on_a_crossed_book()
    {
        var sensor = new MidPriceSensor(Fixed.From(0.10m));
        sensor.Observe(Ticks.At(0, 0.41m) with { BestBid = 0.40m });
        Assert.Equal(Observation.Missing(ReasonCodes.DiscNoBook), sensor.Current);

        sensor.Observe(Ticks.Book(1, 0.41m, bid: 0.45m, ask: 0.44m));
        Assert.Equal(Observation.Missing(ReasonCodes.DiscNoBook), sensor.Current);
    }

    [Fact]
    public void spread_is_ask_minus_bid_and_flags_a_wide_book()
    {
        var sensor = new SpreadSensor(Fixed.From(0.10m));
        sensor.Observe(Ticks.Book(0, 0.41m, bid: 0.40m, ask: 0.44m));
        Assert.Equal(Observation.Of(0.04m), sensor.Current);

        sensor.Observe(Ticks.Book(1, 0.41m, bid: 0.30m, ask: 0.50m));
        Assert.Equal(Observation.Degraded(0.20m, ReasonCodes.DiscWideSpread), sensor.Current);

        sensor.Observe(Ticks.At(2, 0.41m));
        Assert.Equal(Observation.Missing(ReasonCodes.DiscNoBook), sensor.Current);
    }

    [Fact]
    public void book_imbalance_compares_resting_bid_and_ask_size()
    {
        var sensor = new BookImbalanceSensor();
        sensor.Observe(Ticks.Book(0, 0.41m, 0.40m, 0.42m, bidSize: 300m, askSize: 100m));
        Assert.Equal(Observation.Of(0.5m), sensor.Current); // (300 - 100) / 400

        sensor.Observe(Ticks.Book(1, 0.41m, 0.40m, 0.42m, bidSize: 0m, askSize: 0m));
        Assert.Equal(Observation.Missing(ReasonCodes.DiscNoBook), sensor.Current);

        sensor.Observe(Ticks.At(2, 0.41m));
        Assert.Equal(Observation.Missing(ReasonCodes.DiscNoBook), sensor.Current);
    }

    [Fact]
    public void book_imbalance_of_sizes_beyond_a_tick_path_reading_is_still_read()
    {
        var sensor = new BookImbalanceSensor();
        sensor.Observe(Ticks.Book(0, 0.41m, 0.40m, 0.42m, bidSize: 999_999_999_999_999m, askSize: 333_333_333_333_333m));
        Assert.Equal(Observation.Of(0.5m), sensor.Current); // (3x - x) / 4x
    }
}
