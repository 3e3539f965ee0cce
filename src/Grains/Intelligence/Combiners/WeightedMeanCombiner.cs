using Polytraders.Contracts;

namespace Polytraders.Grains.Intelligence;

/// <summary>
/// Sum of weight * score over sum of weight, across the directional valuations that scored. Confidence valuations
/// are not directions and are left to <see cref="ConfidenceGatedCombiner"/>. Abstentions drop out of both sums, so
/// the mean stays in [-1,1] and the Signal is marked INTEL_DEGRADED; below the <see cref="CombinerQuorum"/> the
/// result is withheld (INTEL_NO_QUORUM, or INTEL_ABSTAINED when nothing scored).
/// </summary>
public sealed class WeightedMeanCombiner : ICombiner
{
    private readonly decimal[] _weights;

    /// <param name="weights">One weight per valuator, in pipeline order; weights of confidence valuators are ignored.</param>
    public WeightedMeanCombiner(ReadOnlySpan<decimal> weights)
    {
        foreach (var weight in weights)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(weight);
        }

        _weights = weights.ToArray();
    }

    public string Name => "weighted_mean";

    public Combination Combine(ReadOnlySpan<Valuation> valuations)
    {
        if (valuations.Length != _weights.Length)
        {
            throw new ArgumentException($"Expected {_weights.Length} valuations, got {valuations.Length}.", nameof(valuations));
        }

        var scored = new ScoreTypeWeights(stackalloc decimal[ScoreTypeWeights.TypeCount]);
        var declared = new ScoreTypeWeights(stackalloc decimal[ScoreTypeWeights.TypeCount]);
        var declaredWeight = 0m;
        var totalWeight = 0m;
        var weightedSum = 0m;
        var anyAbstained = false;
        for (var i = 0; i < valuations.Length; i++)
        {
            var valuation = valuations[i];
            var weight = _weights[i];
            if (valuation.IsConfidence || weight == 0m)
            {
                continue;
            }

            declared.Add(valuation.ScoreType, weight);
            declaredWeight += weight;
            if (valuation.Score is not { } score)
            {
                anyAbstained = true;
                continue;
            }

            scored.Add(valuation.ScoreType, weight);
            totalWeight += weight;
            weightedSum += weight * score;
        }

        var declaredType = declared.Heaviest(ScoreType.Custom);
        return CombinerQuorum.Missing(totalWeight, declaredWeight) is { } missing
            ? Combination.Withheld(declaredType, missing)
            : Combination.Of(weightedSum / totalWeight, scored.Heaviest(declaredType), anyAbstained ? ReasonCodes.IntelDegraded : null);
    }
}
