using Polytraders.Contracts;

namespace Polytraders.Trading.Validation.Rules;

/// <summary>A code that matches the pattern but is not in the registry is as wrong as a misspelt one.</summary>
internal static class RegisteredCodes
{
    public static IEnumerable<ContractViolation> Check(string? code, string path) =>
        code is null || ReasonCodes.IsRegistered(code)
            ? []
            : [new ContractViolation(ReasonCodes.GovInvalidRequest, "UnregisteredReasonCode", path, $"'{code}' is not in ReasonCodes.json")];
}
