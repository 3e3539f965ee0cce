using Polytraders.Contracts;

namespace Polytraders.Grains.Intelligence;

/// <summary>The price change over the lookback, scaled so <c>fullScaleChange</c> is full conviction.</summary>
public sealed class RateOfChangeMomentum(ISensor rateOfChange, decimal fullScaleChange) : IValuator
{
    // A change is a whole number of price ticks, so few values recur and each is scaled (a division) once.
    private readonly DecimalMemo _scoreOf = new(value => ScoreMath.Scale(value, fullScaleChange));

    public string Name => "rate_of_change_momentum";

    public Valuation Valuate()
    {
        var change = rateOfChange.Current;
        return change.Value is { } value
            ? Valuation.Of(ScoreType.Momentum, _scoreOf[value], change.ReasonCode)
            : Valuation.Abstain(ScoreType.Momentum, change.ReasonCode ?? ReasonCodes.IntelInsufficientHistory);
    }
}
