using Polytraders.Contracts;

namespace Polytraders.Trading.Intelligence;

/// <summary>1 - spread / widest trusted spread, in [0,1]: a thin book makes every price reading less trustworthy.</summary>
public sealed class SpreadConfidence(Sensor spread, Fixed widestTrustedSpread) : Valuator
{
    public override string Name => "spread_confidence";

    public override Valuation Valuate()
    {
        var width = spread.Current;
        return width.Reading is { } value
            ? Valuation.Of(ScoreType.Confidence, 1 - (value / widestTrustedSpread), width.ReasonCode)
            : Valuation.Abstain(ScoreType.Confidence, width.ReasonCode ?? ReasonCodes.DiscNoBook);
    }
}
