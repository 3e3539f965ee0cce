using Polytraders.Contracts;
using Polytraders.Trading.Momentum;

namespace Polytraders.Core.Tests.Momentum;

public class MomentumParameterRulesTests
{
    [Fact]
    public void consistent_parameters_pass()
    {
        Assert.Empty(MomentumParameterRules.Validate(MomentumFixture.Parameters()));
    }

    [Theory]
    [InlineData(3, 3)]
    [InlineData(5, 4)]
    public void a_slow_lookback_not_above_the_fast_one_is_invalid(long fast, long slow)
    {
        var violation = Assert.Single(MomentumParameterRules.Validate(MomentumFixture.Parameters() with { FastLookback = fast, SlowLookback = slow }));
        Assert.Equal(ReasonCodes.StratInvalidParameters, violation.Code);
        Assert.Contains("slow_lookback", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void an_exit_threshold_not_below_the_entry_threshold_is_invalid()
    {
        var violation = Assert.Single(MomentumParameterRules.Validate(MomentumFixture.Parameters() with { EntryThreshold = 0.4m, ExitThreshold = 0.4m }));
        Assert.Contains("exit_threshold", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void every_broken_rule_is_reported()
    {
        var parameters = MomentumFixture.Parameters() with { SlowLookback = 1, ExitThreshold = 0.9m, OrderSize = 0m };
        Assert.Equal(3, MomentumParameterRules.Validate(parameters).Count(v => v.Code == ReasonCodes.StratInvalidParameters));
    }
}
