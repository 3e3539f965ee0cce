namespace Polytraders.Trading.Intelligence;

/// <summary>The three combiners every pack offers, over its own valuator weights.</summary>
public static class StandardCombiners
{
    public static ICombiner[] Build(ReadOnlySpan<decimal> weights, Fixed confidenceGate)
    {
        var weightedMean = new WeightedMeanCombiner(weights);
        return [weightedMean, new ConfidenceGatedCombiner(weightedMean, confidenceGate), new MajorityVoteCombiner()];
    }
}
