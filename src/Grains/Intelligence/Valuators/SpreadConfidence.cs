using Polytraders.Contracts;

namespace Polytraders.Grains.Intelligence;

/// <summary>1 - spread / widest trusted spread, in [0,1]: a thin book makes every price reading less trustworthy.</summary>
public sealed class SpreadConfidence(ISensor spread, decimal widestTrustedSpread) : IValuator
{
    public string Name => "spread_confidence";

    public Valuation Valuate()
    {
        var width = spread.Current;
        return width.Value is { } value
            ? Valuation.Of(ScoreType.Confidence, 1m - (value / widestTrustedSpread), width.ReasonCode)
            : Valuation.Abstain(ScoreType.Confidence, width.ReasonCode ?? ReasonCodes.DiscNoBook);
    }
}
