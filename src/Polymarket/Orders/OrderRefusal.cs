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
}
