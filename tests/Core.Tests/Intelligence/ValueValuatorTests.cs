using Polytraders.Contracts;
using Polytraders.Trading.Intelligence;

namespace Polytraders.Core.Tests.Intelligence;

public class ValueValuatorTests
{
    [Theory]
    [InlineData("0.60", "0.55", "1")]
    [InlineData("0.55", "0.56", "-0.2")]
    public void mean_reversion_scores_the_gap_to_fair_value(string fair, string price, string expected)
    {
        var valuator = new MeanReversionToFairValue("mean_reversion_to_reference", new StubSensor().Reads(decimal.Parse(fair)), new StubSensor().Reads(decimal.Parse(price)), Fixed.From(0.05m));
        Assert.Equal(Valuation.Of(ScoreType.FairValue, decimal.Parse(expected)), valuator.Valuate());
    }

    [Fact]
    public void mean_reversion_abstains_without_a_reference()
    {
        var reference = new StubSensor().Reads(Observation.Missing(ReasonCodes.IntelMissingReference));
        var valuation = new MeanReversionToFairValue("m", reference, new StubSensor().Reads(0.5m), Fixed.From(0.05m)).Valuate();
        Assert.Equal(Valuation.Abstain(ScoreType.FairValue, ReasonCodes.IntelMissingReference), valuation);
    }

    [Theory]
    [InlineData("0.60", "0.55", "0.02", "0.8")] // (0.05 - 0.01) / 0.05
    [InlineData("0.50", "0.51", "0.04", "0")] // the spread eats the 0.01 edge
    [InlineData("0.45", "0.50", "0.02", "-0.8")]
    public void spread_adjusted_edge_subtracts_half_the_spread(string expected, string price, string spread, string score)
    {
        var valuator = new SpreadAdjustedEdge(
            "edge", new StubSensor().Reads(decimal.Parse(expected)), new StubSensor().Reads(decimal.Parse(price)), new StubSensor().Reads(decimal.Parse(spread)), Fixed.From(0.05m));
        Assert.Equal(Valuation.Of(ScoreType.ExpectedEdge, decimal.Parse(score)), valuator.Valuate());
    }

    [Fact]
    public void spread_adjusted_edge_carries_a_wide_spread_flag()
    {
        var spread = new StubSensor().Reads(Observation.Degraded(0.2m, ReasonCodes.DiscWideSpread));
        var valuation = new SpreadAdjustedEdge("edge", new StubSensor().Reads(0.8m), new StubSensor().Reads(0.5m), spread, Fixed.From(0.5m)).Valuate();
        Assert.Equal(Valuation.Of(ScoreType.ExpectedEdge, 0.4m, ReasonCodes.DiscWideSpread), valuation); // (0.3 - 0.1) / 0.5
    }

    [Fact]
    public void book_imbalance_pressure_is_the_imbalance_as_a_custom_score()
    {
        var imbalance = new StubSensor().Reads(0.5m);
        Assert.Equal(Valuation.Of(ScoreType.Custom, 0.5m), new BookImbalancePressure(imbalance).Valuate());

        imbalance.Reads(Observation.Missing(ReasonCodes.DiscNoBook));
        Assert.Equal(Valuation.Abstain(ScoreType.Custom, ReasonCodes.DiscNoBook), new BookImbalancePressure(imbalance).Valuate());
    }

    [Theory]
    [InlineData("0.43", "0.42", "0.02", "1")] // printed at the ask
    [InlineData("0.415", "0.42", "0.02", "-0.5")]
    [InlineData("0.42", "0.42", "0", "0")] // a locked book says nothing about who crossed
    public void trade_aggressor_pressure_places_the_last_trade_inside_the_spread(string last, string mid, string spread, string expected)
    {
        var valuator = new TradeAggressorPressure(
            new StubSensor().Reads(decimal.Parse(last)), new StubSensor().Reads(decimal.Parse(mid)), new StubSensor().Reads(decimal.Parse(spread)));
        Assert.Equal(Valuation.Of(ScoreType.Custom, decimal.Parse(expected)), valuator.Valuate());
    }
}
