using Polytraders.Contracts;
using Polytraders.Polymarket.Clob;
using Polytraders.Polymarket.Orders;

namespace Polytraders.Grains.Execution.Polymarket;

/// <summary>The registered reason code execution records for each way the Polymarket library says no.</summary>
public static class PolymarketReasonCodes
{
    public static string Of(OrderRefusal refusal) => refusal switch
    {
        OrderRefusal.PriceNotOnTick => ReasonCodes.ExecPriceNotOnTick,
        OrderRefusal.PriceOutOfRange => ReasonCodes.ExecPriceOutOfRange,
        OrderRefusal.SizeBelowMinimum => ReasonCodes.ExecSizeBelowMinimum,
        OrderRefusal.InvalidTickSize => ReasonCodes.ExecInvalidTickSize,
        OrderRefusal.AmountOutOfRange => ReasonCodes.ExecAmountOutOfRange,
        OrderRefusal.FunderRequired => ReasonCodes.ExecFunderRequired,
        OrderRefusal.InvalidTokenId => ReasonCodes.ExecInvalidTokenId,
        OrderRefusal.InvalidSide => ReasonCodes.ExecInvalidSide,
        OrderRefusal.InvalidSignatureType => ReasonCodes.ExecInvalidSignatureType,
        _ => throw new ArgumentOutOfRangeException(nameof(refusal), refusal, "Unknown order refusal."),
    };

    /// <summary>A refusal is the venue's answer; anything else leaves the order's fate unknown until reconciled.</summary>
    public static string Of(ClobErrorKind kind) => kind switch
    {
        ClobErrorKind.Refused => ReasonCodes.ExecOrderRejectedByVenue,
        ClobErrorKind.Unavailable => ReasonCodes.ExecVenueUnavailable,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown CLOB error kind."),
    };
}
