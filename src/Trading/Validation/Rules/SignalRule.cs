using Polytraders.Contracts;

namespace Polytraders.Trading.Validation.Rules;

public sealed class SignalRule : ContractRule<Signal>
{
    public override IEnumerable<ContractViolation> Check(Signal value) =>
        value.ReasonCodes.SelectMany((code, i) => RegisteredCodes.Check(code, $"#/reason_codes/{i}"));
}
