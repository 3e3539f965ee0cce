namespace Polytraders.Trading;

/// <summary>
/// The venue's price and size grid: prices are multiples of the market's tick inside [tick, 1 - tick], sizes have
/// two decimals (as on Polymarket). Rounding always goes the cautious way for the side: a BUY limit rounds up so it
/// can still trade at the last price, a SELL limit down; sizes round down so notional never grows.
/// </summary>
public static class OrderGrid
{
    public const int SizeDecimals = 2;

    public static decimal FloorSize(decimal size) => decimal.Round(size, SizeDecimals, MidpointRounding.ToZero);

    public static bool IsOnTick(decimal price, decimal tickSize) =>
        price % tickSize == 0m && price >= tickSize && price <= 1m - tickSize;

    public static decimal BuyLimit(decimal lastPrice, decimal tickSize) =>
        Math.Min(Math.Ceiling(lastPrice / tickSize) * tickSize, 1m - tickSize);

    public static decimal SellLimit(decimal lastPrice, decimal tickSize) =>
        Math.Max(Math.Floor(lastPrice / tickSize) * tickSize, tickSize);
}
