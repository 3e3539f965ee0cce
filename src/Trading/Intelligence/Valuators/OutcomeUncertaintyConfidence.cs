using Polytraders.Contracts;

namespace Polytraders.Trading.Intelligence;

/// <summary>
/// 4p(1-p): 1 at an even price, falling to 0 at certainty. Near 0 or 1 a binary token has little room left to trend,
/// so momentum there deserves little trust.
/// </summary>
public sealed class OutcomeUncertaintyConfidence(Sensor price) : Valuator
{
    public override string Name => "outcome_uncertainty_confidence";

    public override Valuation Valuate()
    {
        var now = price.Current;
        return now.Reading is { } p
            ? Valuation.Of(ScoreType.Confidence, 4 * p * (1 - p), now.ReasonCode)
            : Valuation.Abstain(ScoreType.Confidence, now.ReasonCode ?? ReasonCodes.IntelInsufficientHistory);
    }
}
