using Polytraders.Contracts;

namespace Polytraders.Grains.Intelligence;

/// <summary>
/// 1 - volatility / ceiling, in [0,1]: a trend read through noise as large as <c>volatilityCeiling</c> per tick is no
/// trend at all.
/// </summary>
public sealed class VolatilityConfidence(ISensor realisedVolatility, decimal volatilityCeiling) : IValuator
{
    // Realised volatility repeats (see RealisedVolatilitySensor), so the division behind each value is done once.
    private readonly DecimalMemo _confidenceOf = new(value => 1m - (value / volatilityCeiling));

    public string Name => "volatility_confidence";

    public Valuation Valuate()
    {
        var volatility = realisedVolatility.Current;
        return volatility.Value is { } value
            ? Valuation.Of(ScoreType.Confidence, _confidenceOf[value], volatility.ReasonCode)
            : Valuation.Abstain(ScoreType.Confidence, volatility.ReasonCode ?? ReasonCodes.IntelInsufficientHistory);
    }
}
