using Polytraders.Contracts;
using Polytraders.Trading.Intelligence;

namespace Polytraders.Core.Tests.Intelligence;

public class ContextSensorTests
{
    [Fact]
    public void volume_abstains_on_a_feed_that_never_reports_volume()
    {
        var sensor = new VolumeSensor(2);
        sensor.Observe(Ticks.At(0, 0.5m));
        sensor.Observe(Ticks.At(1, 0.5m));
        sensor.Observe(Ticks.At(2, 0.5m));
        Assert.Equal(Observation.Missing(ReasonCodes.IntelInsufficientHistory), sensor.Current);
    }

    [Fact]
    public void volume_beyond_a_tick_path_reading_stops_at_the_ceiling_instead_of_failing()
    {
        // The schema allows 15 integer digits of shares a tick: far beyond what a fixed-point reading holds.
        var sensor = new VolumeSensor(2);
        sensor.Observe(Ticks.At(0, 0.5m) with { Volume = 999_999_999_999_999m });
        sensor.Observe(Ticks.At(1, 0.5m) with { Volume = 999_999_999_999_999m });

        Assert.Equal(VolumeSensor.Ceiling, sensor.Current.Value);
    }

    [Fact]
    public void volume_sums_the_window_and_counts_a_tick_without_volume_as_no_trade()
    {
        var sensor = new VolumeSensor(3);
        sensor.Observe(Ticks.At(0, 0.5m));
        sensor.Observe(Ticks.At(0, 0.5m) with { Volume = 10m });
        sensor.Observe(Ticks.At(1, 0.5m));
        Assert.Equal(Observation.Missing(ReasonCodes.IntelInsufficientHistory), sensor.Current);

        sensor.Observe(Ticks.At(2, 0.5m) with { Volume = 30m });
        Assert.Equal(40m, sensor.Current.Value);

        sensor.Observe(Ticks.At(3, 0.5m) with { Volume = 5m });
        Assert.Equal(35m, sensor.Current.Value); // 0 + 30 + 5
    }

    [Fact]
    public void time_to_resolution_counts_hours_to_the_end_date()
    {
        var sensor = new TimeToResolutionSensor(24);
        sensor.Observe(Ticks.At(0, 0.5m) with { EndDate = Ticks.Start.AddHours(48) });
        Assert.Equal(Observation.Of(48m), sensor.Current);

        // the end date is remembered from the tick that carried it; 30 minutes later 47.5 hours remain
        sensor.Observe(Ticks.At(1800, 0.5m));
        Assert.Equal(Observation.Of(47.5m), sensor.Current);
    }

    [Fact]
    public void time_to_resolution_flags_the_near_resolution_window_and_stops_at_zero()
    {
        var sensor = new TimeToResolutionSensor(24);
        sensor.Observe(Ticks.At(0, 0.5m) with { EndDate = Ticks.Start.AddHours(12) });
        Assert.Equal(Observation.Degraded(12m, ReasonCodes.DiscNearResolution), sensor.Current);

        sensor.Observe(Ticks.At(0, 0.5m) with { EndDate = Ticks.Start.AddHours(-1) });
        Assert.Equal(Observation.Degraded(0m, ReasonCodes.DiscNearResolution), sensor.Current);
    }

    [Fact]
    public void time_to_resolution_abstains_without_an_end_date()
    {
        var sensor = new TimeToResolutionSensor(24);
        sensor.Observe(Ticks.At(0, 0.5m));
        Assert.Equal(Observation.Missing(ReasonCodes.IntelMissingEndDate), sensor.Current);
    }

    [Fact]
    public void reference_price_is_kept_until_it_is_older_than_the_max_age()
    {
        var sensor = new ReferencePriceSensor(TimeSpan.FromMinutes(15));
        sensor.Observe(Ticks.At(0, 0.5m));
        Assert.Equal(Observation.Missing(ReasonCodes.IntelMissingReference), sensor.Current);

        sensor.Observe(Ticks.At(60, 0.5m) with { ReferencePrice = 0.6m });
        Assert.Equal(Observation.Of(0.6m), sensor.Current);

        sensor.Observe(Ticks.At(60 + (15 * 60), 0.5m));
        Assert.Equal(Observation.Of(0.6m), sensor.Current);

        sensor.Observe(Ticks.At(60 + (15 * 60) + 1, 0.5m));
        Assert.Equal(Observation.Missing(ReasonCodes.IntelStaleData), sensor.Current);
    }
}
