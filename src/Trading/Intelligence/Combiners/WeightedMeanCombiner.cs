using Polytraders.Contracts;

namespace Polytraders.Trading.Intelligence;

/// <summary>
/// Sum of weight * score over sum of weight, across the directional valuations that scored. Confidence valuations
/// are not directions and are left to <see cref="ConfidenceGatedCombiner"/>. Abstentions drop out of both sums, so
/// the mean stays in [-1,1] and the Signal is marked INTEL_DEGRADED; below the <see cref="CombinerQuorum"/> the
/// result is withheld (INTEL_NO_QUORUM, or INTEL_ABSTAINED when nothing scored).
/// </summary>
public sealed class WeightedMeanCombiner : ICombiner
{
    private readonly Fixed[] _weights;

    // Everything but the weighted sum depends only on each valuation's score type and whether it scored (its shape),
    // which rarely changes from tick to tick: it is worked out again only when the shape differs from the last one.
    private readonly int[] _shape;
    private bool _hasShape;
    private ScoreType _declaredType;
    private ScoreType _scoredType;
    private Fixed _totalWeight;
    private string? _missing;
    private bool _anyAbstained;

    /// <param name="weights">One weight per valuator, in pipeline order; weights of confidence valuators are ignored.</param>
    public WeightedMeanCombiner(ReadOnlySpan<decimal> weights)
    {
        foreach (var weight in weights)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(weight);
        }

        _weights = [.. weights.ToArray().Select(Fixed.From)];
        _shape = new int[_weights.Length];
    }

    public string Name => "weighted_mean";

    public Combination Combine(ReadOnlySpan<Valuation> valuations)
    {
        if (valuations.Length != _weights.Length)
        {
            throw new ArgumentException($"Expected {_weights.Length} valuations, got {valuations.Length}.", nameof(valuations));
        }

        var sameShape = _hasShape;
        var weightedSum = Fixed.Zero;
        for (var i = 0; i < valuations.Length; i++)
        {
            var valuation = valuations[i];
            var mark = ((int)valuation.ScoreType << 1) | (valuation.HasScore ? 1 : 0);
            if (_shape[i] != mark)
            {
                _shape[i] = mark;
                sameShape = false;
            }

            var weight = _weights[i];
            if (!valuation.IsConfidence && weight != Fixed.Zero && valuation.Conviction is { } score)
            {
                weightedSum += weight * score;
            }
        }

        if (!sameShape)
        {
            Reshape(valuations);
        }

        return _missing is { } missing
            ? Combination.Withheld(_declaredType, missing)
            : Combination.Of(weightedSum / _totalWeight, _scoredType, _anyAbstained ? ReasonCodes.IntelDegraded : null);
    }

    /// <summary>The weights, score types and quorum of a shape of valuations, summed in the same order as ever.</summary>
    private void Reshape(ReadOnlySpan<Valuation> valuations)
    {
        var scored = new ScoreTypeWeights(stackalloc Fixed[ScoreTypeWeights.TypeCount]);
        var declared = new ScoreTypeWeights(stackalloc Fixed[ScoreTypeWeights.TypeCount]);
        var declaredWeight = Fixed.Zero;
        var totalWeight = Fixed.Zero;
        var anyAbstained = false;
        for (var i = 0; i < valuations.Length; i++)
        {
            var valuation = valuations[i];
            var weight = _weights[i];
            if (valuation.IsConfidence || weight == Fixed.Zero)
            {
                continue;
            }

            declared.Add(valuation.ScoreType, weight);
            declaredWeight += weight;
            if (!valuation.HasScore)
            {
                anyAbstained = true;
                continue;
            }

            scored.Add(valuation.ScoreType, weight);
            totalWeight += weight;
        }

        _declaredType = declared.Heaviest(ScoreType.Custom);
        _scoredType = scored.Heaviest(_declaredType);
        _totalWeight = totalWeight;
        _missing = CombinerQuorum.Missing(totalWeight, declaredWeight);
        _anyAbstained = anyAbstained;
        _hasShape = true;
    }
}
