using System.Globalization;

namespace Polytraders.Polymarket.Orders;

/// <summary>
/// Price and size → signed maker/taker amounts, as Polymarket's reference clients compute them,
/// after refusing inputs the CLOB would reject. Never throws on a value: every input outside what
/// the venue takes is an <see cref="OrderRefusal"/>.
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
        if ((RefuseSide(side) ?? RefuseRange(price, tick) ?? RefuseOffTick(price, tick)) is { } refused)
        {
            return refused;
        }

        // The references round the price to the tick's places first (round_normal); a price that
        // passed the tick check already has at most that many places, so the step is a no-op here.
        var shares = AmountRounding.RoundDown(size, tick.SizeDecimals);
        if ((RefuseShares(shares, rules) ?? RefuseTooLarge(shares)) is { } refusedSize)
        {
            return refusedSize;
        }

        var pusd = AmountRounding.FitToAmountDecimals(shares * price, tick);
        return side == OrderSide.Buy ? Amounts(side, pusd, shares) : Amounts(side, shares, pusd);
    }

    /// <summary>
    /// A market (FOK/FAK) order: BUY spends <paramref name="amount"/> pUSD, SELL sells
    /// <paramref name="amount"/> shares, with <paramref name="price"/> as the worst acceptable price.
    /// As clob-client-v2's createMarketOrder does (priceValid before getMarketOrderRawAmounts), the
    /// caller's own price must lie in [tick, 1 − tick] before it is truncated to the tick's places:
    /// truncating first would turn a SELL at 0.965 on a 0.1 tick into a 0.9 floor, looser than asked.
    /// The minimum order size applies to the share quantity of the order.
    /// </summary>
    public static OrderResult<OrderAmounts> ForMarket(OrderSide side, decimal amount, decimal price, MarketRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var tick = rules.TickSize;
        if ((RefuseSide(side) ?? RefuseRange(price, tick)) is { } refused)
        {
            return refused;
        }

        var limitPrice = AmountRounding.RoundDown(price, tick.PriceDecimals);
        if (RefuseOffTick(limitPrice, tick) is { } offTick)
        {
            return offTick;
        }

        var given = AmountRounding.RoundDown(amount, tick.SizeDecimals);
        if (given <= 0)
        {
            return OrderResult<OrderAmounts>.Refused(
                OrderRefusal.SizeBelowMinimum,
                $"Amount {Text(amount)} rounds to nothing at {tick.SizeDecimals} decimal places.");
        }

        // Bounded before dividing: given / price stays far inside decimal's range once given fits 64 bits.
        if (RefuseTooLarge(given) is { } tooLarge)
        {
            return tooLarge;
        }

        var received = AmountRounding.FitToAmountDecimals(side == OrderSide.Buy ? given / limitPrice : given * limitPrice, tick);
        return RefuseShares(side == OrderSide.Buy ? received : given, rules) ?? Amounts(side, given, received);
    }

    private static OrderResult<OrderAmounts> Amounts(OrderSide side, decimal maker, decimal taker) =>
        (RefuseTooLarge(maker) ?? RefuseTooLarge(taker))
        ?? OrderResult<OrderAmounts>.Success(new OrderAmounts(side, AmountRounding.ToBaseUnits(maker), AmountRounding.ToBaseUnits(taker)));

    private static OrderResult<OrderAmounts>? RefuseSide(OrderSide side) =>
        side is OrderSide.Buy or OrderSide.Sell
            ? null
            : OrderResult<OrderAmounts>.Refused(OrderRefusal.InvalidSide, $"Side {(byte)side} is neither BUY (0) nor SELL (1).");

    private static OrderResult<OrderAmounts>? RefuseRange(decimal price, TickSize tick) =>
        price >= tick.Value && price <= 1m - tick.Value
            ? null
            : OrderResult<OrderAmounts>.Refused(
                OrderRefusal.PriceOutOfRange,
                $"Price {Text(price)} is outside [{tick}, {Text(1m - tick.Value)}] for tick size {tick}.");

    private static OrderResult<OrderAmounts>? RefuseOffTick(decimal price, TickSize tick) =>
        price % tick.Value == 0m
            ? null
            : OrderResult<OrderAmounts>.Refused(OrderRefusal.PriceNotOnTick, $"Price {Text(price)} is not a multiple of tick size {tick}.");

    private static OrderResult<OrderAmounts>? RefuseShares(decimal shares, MarketRules rules) =>
        shares > 0m && shares >= rules.MinimumOrderSize
            ? null
            : OrderResult<OrderAmounts>.Refused(
                OrderRefusal.SizeBelowMinimum,
                $"{Text(shares)} shares is below the market minimum of {Text(rules.MinimumOrderSize)}.");

    private static OrderResult<OrderAmounts>? RefuseTooLarge(decimal tokens) =>
        tokens <= AmountRounding.MaxTokens
            ? null
            : OrderResult<OrderAmounts>.Refused(
                OrderRefusal.AmountOutOfRange,
                $"{Text(tokens)} exceeds the largest amount an order carries ({Text(AmountRounding.MaxTokens)}, 2^64 − 1 base units).");

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
