using Polytraders.Contracts;

namespace Polytraders.Grains.Intelligence;

/// <summary>
/// 1 - volatility / ceiling, in [0,1]: a trend read through noise as large as <c>volatilityCeiling</c> per tick is no
/// trend at all.
/// </summary>
public sealed class VolatilityConfidence(ISensor realisedVolatility, decimal volatilityCeiling) : IValuator
{
    public string Name => "volatility_confidence";

    public Valuation Valuate()
    {
        var volatility = realisedVolatility.Current;
        return volatility.Value is { } value
            ? Valuation.Of(ScoreType.Confidence, 1m - (value / volatilityCeiling), volatility.ReasonCode)
            : Valuation.Abstain(ScoreType.Confidence, volatility.ReasonCode ?? ReasonCodes.IntelInsufficientHistory);
    }
}
