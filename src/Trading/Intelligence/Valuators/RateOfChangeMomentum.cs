using Polytraders.Contracts;

namespace Polytraders.Trading.Intelligence;

/// <summary>The price change over the lookback, scaled so <c>fullScaleChange</c> is full conviction.</summary>
public sealed class RateOfChangeMomentum(Sensor rateOfChange, Fixed fullScaleChange) : Valuator
{
    public override string Name => "rate_of_change_momentum";

    public override Valuation Valuate()
    {
        var change = rateOfChange.Current;
        return change.Reading is { } value
            ? Valuation.Of(ScoreType.Momentum, ScoreMath.Scale(value, fullScaleChange), change.ReasonCode)
            : Valuation.Abstain(ScoreType.Momentum, change.ReasonCode ?? ReasonCodes.IntelInsufficientHistory);
    }
}
