using Polytraders.Contracts;

namespace Polytraders.Grains.Contracts.Rules;

/// <summary>An intent must ask for something, and name only registered codes.</summary>
public sealed class OrderIntentRule : ContractRule<OrderIntent>
{
    public override IEnumerable<ContractViolation> Check(OrderIntent value)
    {
        if (value.Size <= 0m)
        {
            yield return new ContractViolation(ReasonCodes.GovInvalidRequest, "SizeNotPositive", "#/size", "an order intent must have a positive size");
        }

        foreach (var violation in RegisteredCodes.Check(value.ReasonCode, "#/reason_code"))
        {
            yield return violation;
        }

        foreach (var violation in new SignalRule().Check(value.Signal))
        {
            yield return violation with { Path = "#/signal" + violation.Path[1..] };
        }
    }
}
