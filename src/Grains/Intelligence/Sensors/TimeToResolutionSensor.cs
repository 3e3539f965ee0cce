using Polytraders.Contracts;

namespace Polytraders.Grains.Intelligence;

/// <summary>
/// Hours from the tick to the market's end date (zero once past). The end date is remembered from the last tick
/// that carried it, since feeds send it rarely. Inside the near-resolution window the reading is flagged
/// DISC_NEAR_RESOLUTION: prices there move on the outcome, not on trend.
/// </summary>
public sealed class TimeToResolutionSensor(decimal nearResolutionHours) : ISensor
{
    private DateTimeOffset? _endDate;

    public string Name => "time_to_resolution";

    public Observation Current { get; private set; } = Observation.Missing(ReasonCodes.IntelMissingEndDate);

    public void Observe(in MarketTick tick)
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
            : Observation.Degraded(hours > 0m ? hours : 0m, ReasonCodes.DiscNearResolution);
    }
}
