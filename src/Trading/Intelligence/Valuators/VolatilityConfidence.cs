using Polytraders.Contracts;

namespace Polytraders.Trading.Intelligence;

/// <summary>
/// 1 - volatility / ceiling, in [0,1]: a trend read through noise as large as <c>volatilityCeiling</c> per tick is no
/// trend at all.
/// </summary>
public sealed class VolatilityConfidence(Sensor realisedVolatility, Fixed volatilityCeiling) : Valuator
{
    public override string Name => "volatility_confidence";

    public override Valuation Valuate()
    {
        var volatility = realisedVolatility.Current;
        return volatility.Reading is { } value
            ? Valuation.Of(ScoreType.Confidence, 1 - (value / volatilityCeiling), volatility.ReasonCode)
            : Valuation.Abstain(ScoreType.Confidence, volatility.ReasonCode ?? ReasonCodes.IntelInsufficientHistory);
    }
}
