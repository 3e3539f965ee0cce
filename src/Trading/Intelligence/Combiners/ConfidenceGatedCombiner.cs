using Polytraders.Contracts;

namespace Polytraders.Trading.Intelligence;

/// <summary>
/// Passes the inner combiner's score only while the weakest confidence valuation is at or above the gate; otherwise
/// the score is held back with INTEL_LOW_CONFIDENCE. The weakest one rules because any single reason for distrust
/// (noise, a thin book, an imminent resolution) is enough. No confidence reading at all is not enough confidence.
/// </summary>
public sealed class ConfidenceGatedCombiner(ICombiner inner, Fixed gate) : ICombiner
{
    public string Name => "confidence_gated";

    public Combination Combine(ReadOnlySpan<Valuation> valuations)
    {
        var combined = inner.Combine(valuations);
        if (!combined.HasScore)
        {
            return combined;
        }

        Fixed? weakest = null;
        var anyAbstained = false;
        foreach (var valuation in valuations)
        {
            if (!valuation.IsConfidence)
            {
                continue;
            }

            if (valuation.Conviction is { } confidence)
            {
                weakest = weakest is { } w && w <= confidence ? w : confidence;
            }
            else
            {
                anyAbstained = true;
            }
        }

        if (weakest is not { } lowest || lowest < gate)
        {
            return Combination.Withheld(combined.ScoreType, ReasonCodes.IntelLowConfidence);
        }

        return anyAbstained ? combined with { ReasonCode = ReasonCodes.IntelDegraded } : combined;
    }
}
