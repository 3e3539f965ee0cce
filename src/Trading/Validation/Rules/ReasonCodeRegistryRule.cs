using Polytraders.Contracts;

namespace Polytraders.Trading.Validation.Rules;

/// <summary>Each code once, and its family is its prefix: things the registry's schema cannot say.</summary>
public sealed class ReasonCodeRegistryRule : ContractRule<ReasonCodeRegistry>
{
    public override IEnumerable<ContractViolation> Check(ReasonCodeRegistry value)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < value.Codes.Count; i++)
        {
            var entry = value.Codes[i];
            if (!seen.Add(entry.Code))
            {
                yield return new ContractViolation(ReasonCodes.GovInvalidRequest, "DuplicateCode", $"#/codes/{i}/code", $"'{entry.Code}' is registered twice");
            }

            var prefix = entry.Code[..entry.Code.IndexOf('_', StringComparison.Ordinal)];
            if (!string.Equals(prefix, entry.Family.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                yield return new ContractViolation(ReasonCodes.GovInvalidRequest, "FamilyMismatch", $"#/codes/{i}/family", $"'{entry.Code}' is in family {prefix}, not {entry.Family.ToString().ToUpperInvariant()}");
            }
        }
    }
}
