using Polytraders.Contracts;
using Polytraders.Grains.Execution.Polymarket;
using Polytraders.Polymarket.Clob;
using Polytraders.Polymarket.Orders;

namespace Polytraders.Grains.Tests.Venue;

/// <summary>Every way the Polymarket library says no is recorded under a registered reason code.</summary>
public sealed class PolymarketReasonCodesTests
{
    [Theory]
    [InlineData(OrderRefusal.PriceNotOnTick, ReasonCodes.ExecPriceNotOnTick)]
    [InlineData(OrderRefusal.PriceOutOfRange, ReasonCodes.ExecPriceOutOfRange)]
    [InlineData(OrderRefusal.SizeBelowMinimum, ReasonCodes.ExecSizeBelowMinimum)]
    [InlineData(OrderRefusal.InvalidTickSize, ReasonCodes.ExecInvalidTickSize)]
    [InlineData(OrderRefusal.AmountOutOfRange, ReasonCodes.ExecAmountOutOfRange)]
    [InlineData(OrderRefusal.FunderRequired, ReasonCodes.ExecFunderRequired)]
    [InlineData(OrderRefusal.InvalidTokenId, ReasonCodes.ExecInvalidTokenId)]
    [InlineData(OrderRefusal.InvalidSide, ReasonCodes.ExecInvalidSide)]
    [InlineData(OrderRefusal.InvalidSignatureType, ReasonCodes.ExecInvalidSignatureType)]
    public void each_order_refusal_has_its_reason_code(OrderRefusal refusal, string code) =>
        Assert.Equal(code, PolymarketReasonCodes.Of(refusal));

    [Theory]
    [InlineData(ClobErrorKind.Refused, ReasonCodes.ExecOrderRejectedByVenue)]
    [InlineData(ClobErrorKind.Unavailable, ReasonCodes.ExecVenueUnavailable)]
    public void each_clob_error_kind_has_its_reason_code(ClobErrorKind kind, string code) =>
        Assert.Equal(code, PolymarketReasonCodes.Of(kind));

    [Fact]
    public void every_value_of_both_enums_maps_to_a_registered_code()
    {
        var refusals = Enum.GetValues<OrderRefusal>().Select(PolymarketReasonCodes.Of).ToList();
        var kinds = Enum.GetValues<ClobErrorKind>().Select(PolymarketReasonCodes.Of).ToList();

        Assert.All(refusals.Concat(kinds), code => Assert.True(ReasonCodes.IsRegistered(code), code));
        Assert.Equal(refusals.Count, refusals.Distinct().Count());
        Assert.Equal(kinds.Count, kinds.Distinct().Count());
    }
}
