using Polytraders.Contracts;

namespace Polytraders.Trading.Momentum;

/// <summary>
/// Checks on momentum parameters that JSON Schema cannot express (it cannot compare two fields, nor bound a decimal
/// string). The gateway, the strategy grain and the backtest all call this one copy, each with STRAT_INVALID_PARAMETERS.
/// </summary>
public static class MomentumParameterRules
{
    public static IReadOnlyList<RuleViolation> Validate(MomentumParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var violations = new List<RuleViolation>();
        if (parameters.SlowLookback <= parameters.FastLookback)
        {
            violations.Add(new(
                ReasonCodes.StratInvalidParameters,
                $"slow_lookback ({parameters.SlowLookback}) must exceed fast_lookback ({parameters.FastLookback})."));
        }

        if (parameters.ExitThreshold >= parameters.EntryThreshold)
        {
            violations.Add(new(
                ReasonCodes.StratInvalidParameters,
                $"exit_threshold ({parameters.ExitThreshold}) must be below entry_threshold ({parameters.EntryThreshold})."));
        }

        if (parameters.OrderSize <= 0m)
        {
            violations.Add(new(ReasonCodes.StratInvalidParameters, "order_size must be above zero pUSD."));
        }

        return violations;
    }
}
