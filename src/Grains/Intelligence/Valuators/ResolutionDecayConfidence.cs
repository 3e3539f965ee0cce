using Polytraders.Contracts;

namespace Polytraders.Grains.Intelligence;

/// <summary>
/// Hours to resolution over <c>horizonHours</c>, capped at 1: confidence in a trend decays linearly to zero as the
/// end date nears and the outcome, not the trend, drives the price.
/// </summary>
public sealed class ResolutionDecayConfidence(ISensor timeToResolution, decimal horizonHours) : IValuator
{
    public string Name => "resolution_decay_confidence";

    public Valuation Valuate()
    {
        var hours = timeToResolution.Current;
        return hours.Value is { } value
            ? Valuation.Of(ScoreType.Confidence, value / horizonHours, hours.ReasonCode)
            : Valuation.Abstain(ScoreType.Confidence, hours.ReasonCode ?? ReasonCodes.IntelMissingEndDate);
    }
}
