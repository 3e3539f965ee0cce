using Polytraders.Contracts;

namespace Polytraders.Trading.Validation.Rules;

public sealed class FillRule : ContractRule<Fill>
{
    public override IEnumerable<ContractViolation> Check(Fill value) =>
        value.Size > 0m
            ? []
            : [new ContractViolation(ReasonCodes.GovInvalidRequest, "SizeNotPositive", "#/size", "a fill must have a positive size")];
}
