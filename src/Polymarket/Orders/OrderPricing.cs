using System.Globalization;

namespace Polytraders.Polymarket.Orders;

/// <summary>
/// Price and size → signed maker/taker amounts, as Polymarket's reference clients compute them,
/// after refusing inputs the CLOB would reject.
/// Limit orders: getOrderRawAmounts (clob-client-v2 src/order-builder/helpers/getOrderRawAmounts.ts,
/// py-clob-client-v2 OrderBuilder.get_order_amounts). Market orders: getMarketOrderRawAmounts
/// (clob-client-v2 src/order-builder/helpers/getMarketOrderRawAmounts.ts at bb9127b,
/// py-clob-client-v2 OrderBuilder.get_market_order_amounts at afa7721).
/// </summary>
public static class OrderPricing
{
    /// <summary>
    /// A limit order for <paramref name="size"/> shares at <paramref name="price"/> pUSD per share.
    /// The size is truncated to the 0.01-share lot. BUY pays size × price pUSD for size shares;
    /// SELL gives size shares for size × price pUSD.
    /// </summary>
    public static OrderResult<OrderAmounts> ForLimit(OrderSide side, decimal price, decimal size, MarketRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var tick = rules.TickSize;
        var priceCheck = CheckPrice(price, tick);
        if (!priceCheck.IsSuccess)
        {
            return priceCheck.Map(_ => default(OrderAmounts));
        }

        // The references round the price to the tick's places first (round_normal); a price that
        // passed the tick check already has at most that many places, so the step is a no-op here.
        var shares = AmountRounding.RoundDown(size, tick.SizeDecimals);
        var sizeCheck = CheckShares(shares, rules);
        if (!sizeCheck.IsSuccess)
        {
            return sizeCheck.Map(_ => default(OrderAmounts));
        }

        var pusd = AmountRounding.FitToAmountDecimals(shares * price, tick);
        return OrderResult<OrderAmounts>.Success(side == OrderSide.Buy
            ? new OrderAmounts(side, AmountRounding.ToBaseUnits(pusd), AmountRounding.ToBaseUnits(shares))
            : new OrderAmounts(side, AmountRounding.ToBaseUnits(shares), AmountRounding.ToBaseUnits(pusd)));
    }

    /// <summary>
    /// A market (FOK/FAK) order: BUY spends <paramref name="amount"/> pUSD, SELL sells
    /// <paramref name="amount"/> shares, with <paramref name="price"/> as the worst acceptable price.
    /// The price is first truncated to the tick's places, as the references do.
    /// The minimum order size applies to the share quantity of the order.
    /// </summary>
    public static OrderResult<OrderAmounts> ForMarket(OrderSide side, decimal amount, decimal price, MarketRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var tick = rules.TickSize;
        var limitPrice = AmountRounding.RoundDown(price, tick.PriceDecimals);
        var priceCheck = CheckPrice(limitPrice, tick);
        if (!priceCheck.IsSuccess)
        {
            return priceCheck.Map(_ => default(OrderAmounts));
        }

        var given = AmountRounding.RoundDown(amount, tick.SizeDecimals);
        if (given <= 0)
        {
            return OrderResult<OrderAmounts>.Refused(
                OrderRefusal.SizeBelowMinimum,
                $"Amount {Text(amount)} rounds to nothing at {tick.SizeDecimals} decimal places.");
        }

        var received = AmountRounding.FitToAmountDecimals(side == OrderSide.Buy ? given / limitPrice : given * limitPrice, tick);
        var sizeCheck = CheckShares(side == OrderSide.Buy ? received : given, rules);
        return sizeCheck.Map(_ => new OrderAmounts(side, AmountRounding.ToBaseUnits(given), AmountRounding.ToBaseUnits(received)));
    }

    private static OrderResult<bool> CheckPrice(decimal price, TickSize tick)
    {
        if (price < tick.Value || price > 1m - tick.Value)
        {
            return OrderResult<bool>.Refused(
                OrderRefusal.PriceOutOfRange,
                $"Price {Text(price)} is outside [{tick}, {Text(1m - tick.Value)}] for tick size {tick}.");
        }

        return price % tick.Value == 0m
            ? OrderResult<bool>.Success(true)
            : OrderResult<bool>.Refused(OrderRefusal.PriceNotOnTick, $"Price {Text(price)} is not a multiple of tick size {tick}.");
    }

    private static OrderResult<bool> CheckShares(decimal shares, MarketRules rules) =>
        shares > 0m && shares >= rules.MinimumOrderSize
            ? OrderResult<bool>.Success(true)
            : OrderResult<bool>.Refused(
                OrderRefusal.SizeBelowMinimum,
                $"{Text(shares)} shares is below the market minimum of {Text(rules.MinimumOrderSize)}.");

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
