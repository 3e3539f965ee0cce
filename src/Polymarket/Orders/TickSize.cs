using System.Globalization;

namespace Polytraders.Polymarket.Orders;

/// <summary>
/// A market's minimum price increment with the decimal places the reference clients round to.
/// Source: ROUNDING_CONFIG in Polymarket clob-client-v2 src/order-builder/helpers/roundingConfig.ts
/// and py-clob-client-v2 py_clob_client_v2/order_builder/builder.py; the tick set also matches
/// rs-clob-client-v2 src/clob/types/mod.rs (TickSize: 0.1, 0.01, 0.005, 0.0025, 0.001, 0.0001).
/// </summary>
public sealed class TickSize
{
    public static readonly TickSize Tenth = new(0.1m, priceDecimals: 1, sizeDecimals: 2, amountDecimals: 3);
    public static readonly TickSize Hundredth = new(0.01m, priceDecimals: 2, sizeDecimals: 2, amountDecimals: 4);
    public static readonly TickSize HalfCent = new(0.005m, priceDecimals: 3, sizeDecimals: 2, amountDecimals: 5);
    public static readonly TickSize QuarterCent = new(0.0025m, priceDecimals: 4, sizeDecimals: 2, amountDecimals: 6);
    public static readonly TickSize Thousandth = new(0.001m, priceDecimals: 3, sizeDecimals: 2, amountDecimals: 5);
    public static readonly TickSize TenThousandth = new(0.0001m, priceDecimals: 4, sizeDecimals: 2, amountDecimals: 6);

    public static readonly IReadOnlyList<TickSize> All = [Tenth, Hundredth, HalfCent, QuarterCent, Thousandth, TenThousandth];

    private TickSize(decimal value, int priceDecimals, int sizeDecimals, int amountDecimals)
    {
        Value = value;
        PriceDecimals = priceDecimals;
        SizeDecimals = sizeDecimals;
        AmountDecimals = amountDecimals;
    }

    public decimal Value { get; }

    /// <summary>Decimal places of a price on this tick.</summary>
    public int PriceDecimals { get; }

    /// <summary>Decimal places of a share quantity (the CLOB's lot size is 0.01 share).</summary>
    public int SizeDecimals { get; }

    /// <summary>Decimal places kept on the computed (price × size) leg.</summary>
    public int AmountDecimals { get; }

    public static OrderResult<TickSize> From(decimal value) =>
        All.FirstOrDefault(tick => tick.Value == value) is { } tick
            ? OrderResult<TickSize>.Success(tick)
            : OrderResult<TickSize>.Refused(
                OrderRefusal.InvalidTickSize,
                $"Tick size {value.ToString(CultureInfo.InvariantCulture)} is not one of 0.1, 0.01, 0.005, 0.0025, 0.001, 0.0001.");

    /// <summary>Parses the API's text form (e.g. minimum_tick_size "0.01").</summary>
    public static OrderResult<TickSize> Parse(string text) =>
        decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? From(value)
            : OrderResult<TickSize>.Refused(OrderRefusal.InvalidTickSize, $"Tick size '{text}' is not a decimal number.");

    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
