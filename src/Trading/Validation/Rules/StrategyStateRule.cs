using Polytraders.Contracts;

namespace Polytraders.Trading.Validation.Rules;

/// <summary>The launch and the last signal a strategy's state carries obey their own rules.</summary>
public sealed class StrategyStateRule : ContractRule<StrategyState>
{
    private static readonly StrategyLaunchRule Launch = new();
    private static readonly SignalRule Signal = new();

    public override IEnumerable<ContractViolation> Check(StrategyState value) =>
        Launch.CheckAt(value.Launch, "#/launch").Concat(Signal.CheckAt(value.LastSignal, "#/last_signal"));
}
