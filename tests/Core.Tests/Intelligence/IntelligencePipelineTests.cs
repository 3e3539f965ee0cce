using Polytraders.Contracts;
using Polytraders.Trading.Intelligence;

namespace Polytraders.Core.Tests.Intelligence;

public class IntelligencePipelineTests
{
    private static IntelligencePipeline TrendPipeline()
    {
        var price = new LastPriceSensor();
        var change = new RateOfChangeSensor(1);
        var spread = new SpreadSensor(Fixed.From(0.10m));
        return new IntelligencePipeline(
            [price, change, spread],
            [new RateOfChangeMomentum(change, Fixed.From(0.03m)), new SpreadConfidence(spread, Fixed.From(0.10m))],
            new WeightedMeanCombiner([1m, 0m]));
    }

    [Fact]
    public void the_score_of_a_tick_flows_from_sensors_through_valuators_to_the_combiner()
    {
        var pipeline = TrendPipeline();
        pipeline.Evaluate(Ticks.At(0, 0.50m));
        var combined = pipeline.Evaluate(Ticks.At(1, 0.51m));

        Assert.Equal(Combination.Of(0.333333m, ScoreType.Momentum), combined); // 0.01 / 0.03, published with 6 decimals
    }

    [Fact]
    public void reason_codes_of_the_tick_are_gathered_once_each()
    {
        var pipeline = TrendPipeline();
        pipeline.Evaluate(Ticks.At(0, 0.50m));

        // no history for the change, no book for the spread: each code once, then the combiner's
        Assert.Equal(
            [ReasonCodes.IntelInsufficientHistory, ReasonCodes.DiscNoBook, ReasonCodes.IntelAbstained],
            pipeline.CurrentReasonCodes.ToArray());
    }

    [Fact]
    public void a_tick_older_than_the_last_is_withheld_as_stale_and_changes_nothing()
    {
        var pipeline = TrendPipeline();
        pipeline.Evaluate(Ticks.At(10, 0.50m));
        var before = pipeline.Evaluate(Ticks.At(11, 0.51m));

        var stale = pipeline.Evaluate(Ticks.At(5, 0.90m));

        Assert.Equal(Combination.Withheld(ScoreType.Momentum, ReasonCodes.IntelStaleData), stale);
        Assert.Equal(before, pipeline.Current);
        Assert.Equal(0.51m, pipeline.Sensors[0].Current.Value);
    }

    [Fact]
    public void the_signal_carries_readings_scores_and_codes_of_the_last_tick()
    {
        var pipeline = TrendPipeline();
        pipeline.Evaluate(Ticks.At(0, 0.50m));
        pipeline.Evaluate(Ticks.Book(1, 0.52m, bid: 0.51m, ask: 0.53m));

        var signal = pipeline.ToSignal();

        Assert.Equal(0.666667m, signal.StrategyScore);
        Assert.Equal(ScoreType.Momentum, signal.ScoreType);
        Assert.Equal(Ticks.MarketId, signal.MarketId);
        Assert.Equal(Ticks.TokenId, signal.TokenId);
        Assert.Equal(Ticks.Start.AddSeconds(1), signal.AsOf);
        Assert.Equal(
            [("last_price", 0.52m), ("rate_of_change", 0.02m), ("spread", 0.02m), ("rate_of_change_momentum", 0.666667m), ("spread_confidence", 0.8m)],
            signal.Inputs.Select(i => (i.Name, i.Value)));
        Assert.Empty(signal.ReasonCodes);
    }

    [Fact]
    public void a_withheld_score_is_published_as_zero_with_its_reasons()
    {
        var pipeline = TrendPipeline();
        pipeline.Evaluate(Ticks.At(0, 0.50m));

        var signal = pipeline.ToSignal();

        Assert.Equal(0m, signal.StrategyScore);
        Assert.Contains(ReasonCodes.IntelAbstained, signal.ReasonCodes);
    }

    [Fact]
    public void no_signal_exists_before_the_first_tick()
    {
        Assert.Throws<InvalidOperationException>(() => TrendPipeline().ToSignal());
    }
}
