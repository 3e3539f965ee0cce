using Polytraders.Contracts;

namespace Polytraders.Trading.Intelligence;

/// <summary>
/// Hours to resolution over <c>horizonHours</c>, capped at 1: confidence in a trend decays linearly to zero as the
/// end date nears and the outcome, not the trend, drives the price.
/// </summary>
public sealed class ResolutionDecayConfidence(Sensor timeToResolution, Fixed horizonHours) : Valuator
{
    public override string Name => "resolution_decay_confidence";

    public override Valuation Valuate()
    {
        var hours = timeToResolution.Current;
        return hours.Reading is { } value
            ? Valuation.Of(ScoreType.Confidence, value / horizonHours, hours.ReasonCode)
            : Valuation.Abstain(ScoreType.Confidence, hours.ReasonCode ?? ReasonCodes.IntelMissingEndDate);
    }
}
