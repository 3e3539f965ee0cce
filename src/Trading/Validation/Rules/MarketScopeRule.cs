using Polytraders.Contracts;
using Polytraders.Trading.Scope;

namespace Polytraders.Trading.Validation.Rules;

/// <summary>
/// The scope rules of <see cref="MarketScopeRules"/>, the one copy the strategy grain enforces, as contract violations.
/// The schema already refuses the same id twice (ItemsNotUnique); what is left is the same market in two letter cases.
/// </summary>
public sealed class MarketScopeRule : ContractRule<MarketScope>
{
    public override IEnumerable<ContractViolation> Check(MarketScope value) =>
        MarketScopeRules.Validate(value).Select(violation => violation.Code == ReasonCodes.StratScopeDuplicateMarket
            ? new ContractViolation(ReasonCodes.StratScopeDuplicateMarket, "DuplicateMarket", "#/market_ids", violation.Message)

            // Mixed modes, an empty or an oversized list are the schema's to refuse; should one get past it, it is still reported.
            : new ContractViolation(violation.Code, "InvalidScope", "#", violation.Message));
}
