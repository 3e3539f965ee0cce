using Polytraders.Contracts;
using Polytraders.Trading.Intelligence;

namespace Polytraders.Core.Tests.Intelligence;

public class CombinerTests
{
    private static readonly Valuation Abstained = Valuation.Abstain(ScoreType.Custom, ReasonCodes.DiscNoBook);

    [Fact]
    public void weighted_mean_averages_the_scores_that_came_in_and_marks_abstentions_as_degraded()
    {
        var combiner = new WeightedMeanCombiner([3m, 2m, 1m, 1m]);
        Valuation[] valuations =
        [
            Valuation.Of(ScoreType.Momentum, 0.5m),
            Valuation.Of(ScoreType.FairValue, -0.5m),
            Valuation.Of(ScoreType.Confidence, 0.9m),
            Abstained,
        ];

        // (3 * 0.5 + 2 * -0.5) / (3 + 2); the confidence valuation is not a direction
        Assert.Equal(Combination.Of(0.1m, ScoreType.Momentum, ReasonCodes.IntelDegraded), combiner.Combine(valuations));
    }

    [Fact]
    public void weighted_mean_names_the_heaviest_kind_of_evidence_as_the_score_type()
    {
        var combiner = new WeightedMeanCombiner([1m, 2m]);
        var combined = combiner.Combine([Valuation.Of(ScoreType.Momentum, 1m), Valuation.Of(ScoreType.FairValue, 0.1m)]);
        Assert.Equal(ScoreType.FairValue, combined.ScoreType);
        Assert.Equal(0.4m, combined.Score); // (1 + 0.2) / 3
    }

    [Fact]
    public void weighted_mean_abstains_when_every_direction_abstained()
    {
        var combiner = new WeightedMeanCombiner([2m, 1m]);
        var combined = combiner.Combine([Valuation.Abstain(ScoreType.Momentum, ReasonCodes.IntelInsufficientHistory), Abstained]);
        Assert.Equal(Combination.Withheld(ScoreType.Momentum, ReasonCodes.IntelAbstained), combined);
    }

    [Fact]
    public void weighted_mean_withholds_a_score_carried_by_less_than_half_the_weight()
    {
        var combiner = new WeightedMeanCombiner([1m, 3m]);
        var combined = combiner.Combine([Valuation.Of(ScoreType.Custom, 0.9m), Valuation.Abstain(ScoreType.Momentum, ReasonCodes.IntelInsufficientHistory)]);
        Assert.Equal(Combination.Withheld(ScoreType.Momentum, ReasonCodes.IntelNoQuorum), combined);
    }

    [Fact]
    public void majority_vote_withholds_a_score_cast_by_less_than_half_the_voters()
    {
        var combined = new MajorityVoteCombiner().Combine([Valuation.Of(ScoreType.Custom, 0.9m), Abstained, Abstained]);
        Assert.Equal(Combination.Withheld(ScoreType.Custom, ReasonCodes.IntelNoQuorum), combined);
    }

    [Fact]
    public void majority_vote_scores_the_margin_of_votes()
    {
        Valuation[] valuations =
        [
            Valuation.Of(ScoreType.Momentum, 0.1m),
            Valuation.Of(ScoreType.Momentum, 0.9m),
            Valuation.Of(ScoreType.FairValue, -1m),
            Valuation.Of(ScoreType.Custom, 0m),
            Valuation.Of(ScoreType.Confidence, 0.1m),
        ];

        // 2 up, 1 down, 1 neither: (2 - 1) / 4
        Assert.Equal(Combination.Of(0.25m, ScoreType.Momentum), new MajorityVoteCombiner().Combine(valuations));
    }

    [Fact]
    public void majority_vote_abstains_without_votes_and_degrades_on_abstentions()
    {
        var combiner = new MajorityVoteCombiner();
        Assert.Equal(Combination.Withheld(ScoreType.Custom, ReasonCodes.IntelAbstained), combiner.Combine([Abstained]));
        Assert.Equal(Combination.Of(-1m, ScoreType.Momentum, ReasonCodes.IntelDegraded), combiner.Combine([Valuation.Of(ScoreType.Momentum, -0.2m), Abstained]));
    }

    [Theory]
    [InlineData("0.3", true)]
    [InlineData("0.25", true)]
    [InlineData("0.2", false)]
    public void confidence_gate_passes_only_when_the_weakest_confidence_reaches_it(string weakest, bool passes)
    {
        var gated = new ConfidenceGatedCombiner(new WeightedMeanCombiner([1m, 0m, 0m]), Fixed.From(0.25m));
        var combined = gated.Combine(
        [
            Valuation.Of(ScoreType.Momentum, 0.6m),
            Valuation.Of(ScoreType.Confidence, 0.8m),
            Valuation.Of(ScoreType.Confidence, decimal.Parse(weakest)),
        ]);

        Assert.Equal(passes ? Combination.Of(0.6m, ScoreType.Momentum) : Combination.Withheld(ScoreType.Momentum, ReasonCodes.IntelLowConfidence), combined);
    }

    [Fact]
    public void confidence_gate_holds_back_a_score_with_no_confidence_reading()
    {
        var gated = new ConfidenceGatedCombiner(new WeightedMeanCombiner([1m, 0m]), Fixed.From(0.25m));
        var combined = gated.Combine([Valuation.Of(ScoreType.Momentum, 0.6m), Valuation.Abstain(ScoreType.Confidence, ReasonCodes.DiscNoBook)]);
        Assert.Equal(Combination.Withheld(ScoreType.Momentum, ReasonCodes.IntelLowConfidence), combined);
    }

    [Fact]
    public void confidence_gate_marks_a_passing_score_degraded_when_a_confidence_reading_is_missing()
    {
        var gated = new ConfidenceGatedCombiner(new WeightedMeanCombiner([1m, 0m, 0m]), Fixed.From(0.25m));
        var combined = gated.Combine(
        [
            Valuation.Of(ScoreType.Momentum, 0.6m),
            Valuation.Of(ScoreType.Confidence, 0.5m),
            Valuation.Abstain(ScoreType.Confidence, ReasonCodes.IntelInsufficientHistory),
        ]);

        Assert.Equal(Combination.Of(0.6m, ScoreType.Momentum, ReasonCodes.IntelDegraded), combined);
    }
}
