using Polytraders.Contracts;

namespace Polytraders.Trading.Venues;

/// <summary>
/// The one builder of simulated fills, for every place that fills an order without a real venue: the paper venue, the
/// Backtest runner, the replay tests and the benchmarks. The rules, in one place:
/// <list type="bullet">
/// <item>An order is marketable against an observed price when a BUY's limit is at or above it, a SELL's at or below it.</item>
/// <item>Slippage moves the fill price the given number of ticks against the order, never past its limit (a limit
/// order does not fill worse than its limit) and never outside [tick, 1 - tick].</item>
/// <item>The fee is <c>size × price × bps / 10 000</c> pUSD, rounded half away from zero to pUSD's 6 decimals.</item>
/// <item>A fill happens at the time of the price it fills against, never before the clock: a replay or a Backtest runs
/// ahead of the wall clock, and a fill stamped earlier than the price it traded at would move holding times and
/// the risk day backwards.</item>
/// </list>
/// </summary>
public static class SimulatedFill
{
    /// <summary>pUSD has 6 decimals.</summary>
    public const int PusdDecimals = 6;

    public static bool IsMarketable(Side side, decimal limitPrice, decimal observedPrice) =>
        side == Side.Buy ? limitPrice >= observedPrice : limitPrice <= observedPrice;

    /// <summary>The observed price moved <paramref name="slippageTicks"/> ticks against the order, capped at its limit.</summary>
    public static decimal PriceWithSlippage(Side side, decimal observedPrice, decimal limitPrice, decimal tickSize, int slippageTicks)
    {
        if (slippageTicks <= 0)
        {
            return observedPrice;
        }

        var moved = side == Side.Buy
            ? Math.Min(observedPrice + (slippageTicks * tickSize), limitPrice)
            : Math.Max(observedPrice - (slippageTicks * tickSize), limitPrice);
        return Math.Clamp(moved, tickSize, 1m - tickSize);
    }

    /// <summary>Fee of a fill in pUSD: notional × bps / 10 000, rounded to 6 decimals; zero without bps.</summary>
    public static decimal FeeOf(decimal size, decimal price, decimal feeBps) =>
        feeBps <= 0m ? 0m : decimal.Round(size * price * feeBps / 10_000m, PusdDecimals, MidpointRounding.AwayFromZero);

    /// <summary>Fill ids name the venue, the order and the fill's number within it: <c>paper:&lt;client order id&gt;:1</c>.</summary>
    public static string IdOf(FillVenue venue, string clientOrderId, int number) =>
        $"{(venue == FillVenue.Backtest ? "backtest" : venue == FillVenue.Paper ? "paper" : "polymarket")}:{clientOrderId}:{number}";

    /// <summary>A fill of <paramref name="size"/> tokens of <paramref name="order"/> at <paramref name="price"/>.</summary>
    public static Fill Of(
        OrderIntent order,
        decimal size,
        decimal price,
        decimal fee,
        DateTimeOffset filledAt,
        FillVenue venue,
        int number = 1,
        FillStatus status = FillStatus.Matched) => new()
        {
            FillId = IdOf(venue, order.ClientOrderId, number),
            ClientOrderId = order.ClientOrderId,
            PortfolioId = order.PortfolioId,
            MarketId = order.MarketId,
            TokenId = order.TokenId,
            Side = order.Side,
            Size = size,
            Price = price,
            Fee = fee,
            FilledAt = filledAt,
            Venue = venue,
            Status = status,
        };
}
