using Polytraders.Contracts;
using Polytraders.Trading.Intelligence;

namespace Polytraders.Core.Tests.Intelligence;

public class ConfidenceValuatorTests
{
    [Theory]
    [InlineData("0.005", "0.75")]
    [InlineData("0.03", "0")] // beyond the ceiling: no confidence, not negative
    public void volatility_confidence_falls_linearly_to_the_ceiling(string volatility, string expected)
    {
        var valuation = new VolatilityConfidence(new StubSensor().Reads(decimal.Parse(volatility)), Fixed.From(0.02m)).Valuate();
        Assert.Equal(Valuation.Of(ScoreType.Confidence, decimal.Parse(expected)), valuation);
    }

    [Theory]
    [InlineData("0.02", "0.8")]
    [InlineData("0.15", "0")]
    public void spread_confidence_falls_linearly_to_the_widest_trusted_spread(string spread, string expected)
    {
        Assert.Equal(decimal.Parse(expected), new SpreadConfidence(new StubSensor().Reads(decimal.Parse(spread)), Fixed.From(0.10m)).Valuate().Score);
    }

    [Theory]
    [InlineData("250", "0.25")]
    [InlineData("5000", "1")]
    public void volume_confidence_grows_with_volume_up_to_full(string volume, string expected)
    {
        Assert.Equal(decimal.Parse(expected), new VolumeConfidence(new StubSensor().Reads(decimal.Parse(volume)), Fixed.From(1000m)).Valuate().Score);
    }

    [Fact]
    public void resolution_decay_confidence_decays_toward_the_end_date()
    {
        var hours = new StubSensor().Reads(84m);
        var valuator = new ResolutionDecayConfidence(hours, Fixed.From(168m));
        Assert.Equal(0.5m, valuator.Valuate().Score);

        hours.Reads(200m);
        Assert.Equal(1m, valuator.Valuate().Score);

        hours.Reads(Observation.Degraded(12m, ReasonCodes.DiscNearResolution));
        Assert.Equal(Valuation.Of(ScoreType.Confidence, 12m / 168m, ReasonCodes.DiscNearResolution), valuator.Valuate());

        hours.Reads(Observation.Missing(ReasonCodes.IntelMissingEndDate));
        Assert.Equal(Valuation.Abstain(ScoreType.Confidence, ReasonCodes.IntelMissingEndDate), valuator.Valuate());
    }

    [Theory]
    [InlineData("0.5", "1")]
    [InlineData("0.9", "0.36")]
    [InlineData("0.2", "0.64")]
    public void outcome_uncertainty_confidence_is_four_p_one_minus_p(string price, string expected)
    {
        Assert.Equal(decimal.Parse(expected), new OutcomeUncertaintyConfidence(new StubSensor().Reads(decimal.Parse(price))).Valuate().Score);
    }
}
