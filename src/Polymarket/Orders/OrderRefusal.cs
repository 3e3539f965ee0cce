namespace Polytraders.Polymarket.Orders;

/// <summary>Why the order maths refused an input the CLOB would reject (<see cref="OrderResult{T}.Refusal"/>).</summary>
public enum OrderRefusal
{
    /// <summary>The price is not a multiple of the market's tick size.</summary>
    PriceNotOnTick,

    /// <summary>The price is outside [tick, 1 − tick].</summary>
    PriceOutOfRange,

    /// <summary>The size rounds to nothing, or to less than the market's minimum order size.</summary>
    SizeBelowMinimum,

    /// <summary>The tick size is not one the CLOB uses (0.1, 0.01, 0.005, 0.0025, 0.001, 0.0001).</summary>
    InvalidTickSize,

    /// <summary>An amount in base units does not fit the signed order's 64-bit amount fields.</summary>
    AmountOutOfRange,

    /// <summary>A deposit-wallet (POLY_1271) account has no funder: the wallet that makes and signs its orders.</summary>
    FunderRequired,

    /// <summary>The token id is not a uint256 (negative, or 2^256 or more).</summary>
    InvalidTokenId,

    /// <summary>The side is neither BUY nor SELL.</summary>
    InvalidSide,

    /// <summary>The signature type is not one the exchange verifies (EOA, POLY_PROXY, POLY_GNOSIS_SAFE, POLY_1271).</summary>
    InvalidSignatureType,
}
