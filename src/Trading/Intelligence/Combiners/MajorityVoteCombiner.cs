using Polytraders.Contracts;

namespace Polytraders.Trading.Intelligence;

/// <summary>
/// One vote per directional valuation that scored: up if positive, down if negative, neither at zero. The score is
/// (up - down) / votes cast, so unanimity is full conviction and a split is none, however strong each voice is:
/// robust to one valuator with an extreme reading. Score type is the type with the most votes; below the
/// <see cref="CombinerQuorum"/> of voters the result is withheld.
/// </summary>
public sealed class MajorityVoteCombiner : ICombiner
{
    public string Name => "majority_vote";

    public Combination Combine(ReadOnlySpan<Valuation> valuations)
    {
        var voted = new ScoreTypeWeights(stackalloc Fixed[ScoreTypeWeights.TypeCount]);
        var declared = new ScoreTypeWeights(stackalloc Fixed[ScoreTypeWeights.TypeCount]);
        var voters = 0;
        var votes = 0;
        var margin = 0;
        var anyAbstained = false;
        foreach (var valuation in valuations)
        {
            if (valuation.IsConfidence)
            {
                continue;
            }

            declared.Add(valuation.ScoreType, Fixed.One);
            voters++;
            if (valuation.Conviction is not { } score)
            {
                anyAbstained = true;
                continue;
            }

            voted.Add(valuation.ScoreType, Fixed.One);
            votes++;
            margin += Fixed.Sign(score);
        }

        var declaredType = declared.Heaviest(ScoreType.Custom);
        return CombinerQuorum.Missing(votes, voters) is { } missing
            ? Combination.Withheld(declaredType, missing)
            : Combination.Of((Fixed)margin / votes, voted.Heaviest(declaredType), anyAbstained ? ReasonCodes.IntelDegraded : null);
    }
}
