using Polytraders.Contracts;
using Polytraders.Trading.Momentum;

namespace Polytraders.Trading.Validation.Rules;

/// <summary>
/// A launch's scope obeys the scope rules, and its parameters the momentum rules of <see cref="MomentumParameterRules"/>
/// (slow beyond fast, exit below entry, a positive order size): the copy the strategy grain enforces.
/// </summary>
public sealed class StrategyLaunchRule : ContractRule<StrategyLaunch>
{
    private static readonly MarketScopeRule Scope = new();

    public override IEnumerable<ContractViolation> Check(StrategyLaunch value) =>
        Scope.CheckAt(value.MarketScope, "#/market_scope")
            .Concat(MomentumParameterRules.Validate(value.Parameters).Select(violation =>
                new ContractViolation(ReasonCodes.StratInvalidParameters, "InvalidParameters", "#/parameters", violation.Message)));
}
