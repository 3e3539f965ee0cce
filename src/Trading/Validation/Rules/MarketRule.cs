using Polytraders.Contracts;

namespace Polytraders.Trading.Validation.Rules;

/// <summary>A resolved market names the outcome that won.</summary>
public sealed class MarketRule : ContractRule<Market>
{
    public override IEnumerable<ContractViolation> Check(Market value) =>
        value.Status == MarketStatus.Resolved && value.ResolvedOutcome is null
            ? [new ContractViolation(ReasonCodes.GovInvalidRequest, "ResolvedWithoutOutcome", "#/resolved_outcome", "a resolved market must name its resolved_outcome")]
            : [];
}
