namespace Polytraders.Polymarket.Orders;

/// <summary>
/// The rounding steps of the reference clients (roundDown / roundUp / decimalPlaces in
/// clob-client-v2 src/utilities.ts, round_down / round_up / decimal_places in
/// py-clob-client-v2 order_builder/helpers.py), done in exact decimal arithmetic instead of
/// binary floating point.
/// </summary>
internal static class AmountRounding
{
    /// <summary>
    /// 10^6: pUSD and conditional tokens both carry 6 decimals (COLLATERAL_TOKEN_DECIMALS /
    /// CONDITIONAL_TOKEN_DECIMALS in clob-client-v2 src/config.ts and py-clob-client-v2 config.py).
    /// </summary>
    private const decimal BaseUnitsPerToken = 1_000_000m;

    /// <summary>
    /// The largest token quantity an amount field holds: ulong.MaxValue base units. The signed struct's amounts are
    /// uint256, but this library carries them as 64-bit integers (<see cref="OrderV2"/>), far above any real order.
    /// </summary>
    public const decimal MaxTokens = ulong.MaxValue / BaseUnitsPerToken;

    /// <summary>Extra places the references round up to before truncating, to absorb representation noise (amount + 4).</summary>
    private const int GuardDecimals = 4;

    public static decimal RoundDown(decimal value, int decimals) =>
        DecimalPlaces(value) <= decimals ? value : Math.Round(value, decimals, MidpointRounding.ToZero);

    public static decimal RoundUp(decimal value, int decimals) =>
        DecimalPlaces(value) <= decimals ? value : Math.Round(value, decimals, MidpointRounding.ToPositiveInfinity);

    /// <summary>Significant decimal places, ignoring trailing zeros (1.50 has 1).</summary>
    public static int DecimalPlaces(decimal value) => (value / 1.0000000000000000000000000000m).Scale;

    /// <summary>
    /// The references' step for the computed leg: if it has more places than the tick allows,
    /// round up at amount + 4 places and, if still too long, truncate to the allowed places.
    /// A quotient such as 100 / 0.56 = 178.5714285714… therefore becomes 178.5714.
    /// </summary>
    public static decimal FitToAmountDecimals(decimal value, TickSize tick)
    {
        if (DecimalPlaces(value) <= tick.AmountDecimals)
        {
            return value;
        }

        var rounded = RoundUp(value, tick.AmountDecimals + GuardDecimals);
        return DecimalPlaces(rounded) > tick.AmountDecimals ? RoundDown(rounded, tick.AmountDecimals) : rounded;
    }

    /// <summary>
    /// parseUnits(x, 6): the value is already at most 6 places, so the product is exact. Callers keep the value
    /// within [0, <see cref="MaxTokens"/>].
    /// </summary>
    public static ulong ToBaseUnits(decimal value) => decimal.ToUInt64(value * BaseUnitsPerToken);
}
