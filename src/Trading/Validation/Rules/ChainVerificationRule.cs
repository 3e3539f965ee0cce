using Polytraders.Contracts;

namespace Polytraders.Trading.Validation.Rules;

/// <summary>A chain found valid has no first broken link.</summary>
public sealed class ChainVerificationRule : ContractRule<ChainVerification>
{
    public override IEnumerable<ContractViolation> Check(ChainVerification value)
    {
        if (value.Valid && value.FirstBrokenSequence is not null)
        {
            yield return new ContractViolation(ReasonCodes.GovInvalidRequest, "BrokenButValid", "#/first_broken_sequence", "a valid chain has no first_broken_sequence");
        }

        if (value.Valid && value.FirstBrokenEnvelopeId is not null)
        {
            yield return new ContractViolation(ReasonCodes.GovInvalidRequest, "BrokenButValid", "#/first_broken_envelope_id", "a valid chain has no first_broken_envelope_id");
        }
    }
}
