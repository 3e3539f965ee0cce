using Polytraders.Contracts;

namespace Polytraders.Trading.Intelligence;

/// <summary>
/// How far the price sits below a fair-value estimate, scaled so <c>fullScaleGap</c> is full conviction: positive when
/// the token is cheap against the estimate and should revert up to it.
/// </summary>
public sealed class MeanReversionToFairValue(string name, Sensor fairValue, Sensor price, Fixed fullScaleGap) : Valuator
{
    public override string Name => name;

    public override Valuation Valuate()
    {
        var fair = fairValue.Current;
        var now = price.Current;
        if (!fair.HasValue || !now.HasValue)
        {
            return Valuation.Abstain(ScoreType.FairValue, fair.ReasonCode ?? now.ReasonCode ?? ReasonCodes.IntelMissingReference);
        }

        return Valuation.Of(ScoreType.FairValue, ScoreMath.Scale(fair.Reading!.Value - now.Reading!.Value, fullScaleGap), now.ReasonCode);
    }
}
