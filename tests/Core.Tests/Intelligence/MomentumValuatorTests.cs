using Polytraders.Contracts;
using Polytraders.Trading.Intelligence;

namespace Polytraders.Core.Tests.Intelligence;

public class MomentumValuatorTests
{
    [Theory]
    [InlineData("0.52", "0.50", "1")]
    [InlineData("0.505", "0.50", "0.25")]
    [InlineData("0.47", "0.50", "-1")] // -1.5 clamped
    public void ewma_crossover_scales_the_gap_between_fast_and_slow(string fast, string slow, string expected)
    {
        var valuator = new EwmaCrossoverMomentum(new StubSensor().Reads(decimal.Parse(fast)), new StubSensor().Reads(decimal.Parse(slow)), Fixed.From(0.02m));
        Assert.Equal(Valuation.Of(ScoreType.Momentum, decimal.Parse(expected)), valuator.Valuate());
    }

    [Fact]
    public void ewma_crossover_abstains_with_the_reason_of_the_missing_average()
    {
        var slow = new StubSensor().Reads(Observation.Missing(ReasonCodes.IntelInsufficientHistory));
        var valuation = new EwmaCrossoverMomentum(new StubSensor().Reads(0.5m), slow, Fixed.From(0.02m)).Valuate();
        Assert.Equal(Valuation.Abstain(ScoreType.Momentum, ReasonCodes.IntelInsufficientHistory), valuation);
    }

    [Fact]
    public void rate_of_change_momentum_scales_the_change_and_clamps_it()
    {
        var change = new StubSensor().Reads(0.01m);
        var valuator = new RateOfChangeMomentum(change, Fixed.From(0.02m));
        Assert.Equal(0.5m, valuator.Valuate().Score);

        change.Reads(-0.03m);
        Assert.Equal(-1m, valuator.Valuate().Score);

        change.Reads(Observation.Missing(ReasonCodes.IntelInsufficientHistory));
        Assert.False(valuator.Valuate().HasScore);
    }

    [Fact]
    public void breakout_places_the_price_in_the_range_of_the_previous_prices()
    {
        var price = new StubSensor();
        var valuator = new BreakoutMomentum(price, 3);
        foreach (var p in new[] { 0.50m, 0.52m, 0.48m })
        {
            Assert.Equal(Valuation.Abstain(ScoreType.Momentum, ReasonCodes.IntelInsufficientHistory), ValuateAt(valuator, price, p));
        }

        // range 0.48..0.52: 2 * (0.51 - 0.48) / 0.04 - 1 = 0.5
        Assert.Equal(0.5m, ValuateAt(valuator, price, 0.51m).Score);

        // range of 0.52, 0.48, 0.51: 0.60 is above the high, a breakout
        Assert.Equal(1m, ValuateAt(valuator, price, 0.60m).Score);

        // range of 0.48, 0.51, 0.60: 0.45 is below the low
        Assert.Equal(-1m, ValuateAt(valuator, price, 0.45m).Score);
    }

    [Fact]
    public void breakout_gives_no_direction_in_a_flat_range()
    {
        var price = new StubSensor();
        var valuator = new BreakoutMomentum(price, 2);
        ValuateAt(valuator, price, 0.5m);
        ValuateAt(valuator, price, 0.5m);
        Assert.Equal(0m, ValuateAt(valuator, price, 0.5m).Score);
    }

    /// <summary>The price sensor reads first, then the valuator runs: the order the pipeline keeps.</summary>
    private static Valuation ValuateAt(Valuator valuator, StubSensor price, decimal p)
    {
        price.Reads(p);
        return valuator.Valuate();
    }
}
