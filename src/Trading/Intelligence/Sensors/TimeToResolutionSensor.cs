using Polytraders.Contracts;

namespace Polytraders.Trading.Intelligence;

/// <summary>
/// Hours from the tick to the market's end date (zero once past). The end date is remembered from the last tick
/// that carried it, since feeds send it rarely. Inside the near-resolution window the reading is flagged
/// DISC_NEAR_RESOLUTION: prices there move on the outcome, not on trend.
/// </summary>
public sealed class TimeToResolutionSensor(Fixed nearResolutionHours) : Sensor(Observation.Missing(ReasonCodes.IntelMissingEndDate))
{
    private DateTimeOffset? _endDate;

    public override string Name => "time_to_resolution";

    public override void Observe(in MarketTick tick)
    {
        _endDate = tick.EndDate ?? _endDate;
        if (_endDate is not { } endDate)
        {
            Current = Observation.Missing(ReasonCodes.IntelMissingEndDate);
            return;
        }

        var hours = ScoreMath.HoursBetween(tick.Timestamp, endDate);
        Current = hours > nearResolutionHours
            ? Observation.Of(hours)
            : Observation.Degraded(Fixed.Max(hours, Fixed.Zero), ReasonCodes.DiscNearResolution);
    }
}
