using Polytraders.Contracts;

namespace Polytraders.Trading.Validation.Rules;

/// <summary>Each envelope of a page obeys the envelope rules (<c>#/items/0/badge</c>).</summary>
public sealed class AuditPageRule : ContractRule<AuditPage>
{
    private static readonly AuditEnvelopeRule Envelope = new();

    public override IEnumerable<ContractViolation> Check(AuditPage value) =>
        value.Items.SelectMany((item, i) => Envelope.CheckAt(item, $"#/items/{i}"));
}
