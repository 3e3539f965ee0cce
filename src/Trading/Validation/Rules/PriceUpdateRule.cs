using Polytraders.Contracts;

namespace Polytraders.Trading.Validation.Rules;

/// <summary>A quote never has its bid above its ask: a crossed book would have matched.</summary>
public sealed class PriceUpdateRule : ContractRule<PriceUpdate>
{
    public override IEnumerable<ContractViolation> Check(PriceUpdate value) =>
        value is { BestBid: { } bid, BestAsk: { } ask } && bid > ask
            ? [new ContractViolation(ReasonCodes.GovInvalidRequest, "CrossedBook", "#/best_bid", $"best_bid {bid} is above best_ask {ask}")]
            : [];
}
