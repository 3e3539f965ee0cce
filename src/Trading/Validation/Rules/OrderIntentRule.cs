using Polytraders.Contracts;

namespace Polytraders.Trading.Validation.Rules;

/// <summary>An intent must ask for something, and name only registered codes (its signal's too).</summary>
public sealed class OrderIntentRule : ContractRule<OrderIntent>
{
    private static readonly SignalRule Signal = new();

    public override IEnumerable<ContractViolation> Check(OrderIntent value)
    {
        if (value.Size <= 0m)
        {
            yield return new ContractViolation(ReasonCodes.GovInvalidRequest, "SizeNotPositive", "#/size", "an order intent must have a positive size");
        }

        foreach (var violation in RegisteredCodes.Check(value.ReasonCode, "#/reason_code").Concat(Signal.CheckAt(value.Signal, "#/signal")))
        {
            yield return violation;
        }
    }
}
