using Polytraders.Polymarket.Orders;

namespace Polytraders.Venue.Tests.Orders;

public class OrderPricingTests
{
    private static MarketRules Rules(string tick, decimal minimum = 0.01m) =>
        new(TickSize.Parse(tick).Value, minimum, NegRisk: false);

    [Fact]
    public void buy_at_0_56_for_100_shares_gives_56_pusd_maker_amount()
    {
        var amounts = OrderPricing.ForLimit(OrderSide.Buy, 0.56m, 100m, Rules("0.01")).Value;
        Assert.Equal(new OrderAmounts(OrderSide.Buy, 56_000_000, 100_000_000), amounts);
    }

    // Limit orders, every tick size and side. Ticks 0.1 … 0.0001 are the vectors of clob-client-v2
    // tests/order-builder/helpers.test.ts and py-clob-client-v2 tests/order_builder/test_builder.py
    // (size 21.04); 0.005 and 0.0025 follow the same ROUNDING_CONFIG steps.
    [Theory]
    [InlineData("0.1", "0.5", "21.04", 10_520_000, 21_040_000)]
    [InlineData("0.01", "0.56", "21.04", 11_782_400, 21_040_000)]
    [InlineData("0.005", "0.555", "21.04", 11_677_200, 21_040_000)]
    [InlineData("0.0025", "0.5575", "21.04", 11_729_800, 21_040_000)]
    [InlineData("0.001", "0.056", "21.04", 1_178_240, 21_040_000)]
    [InlineData("0.0001", "0.0056", "21.04", 117_824, 21_040_000)]
    [InlineData("0.01", "0.82", "20.0", 16_400_000, 20_000_000)]
    [InlineData("0.01", "0.30", "16.90", 5_070_000, 16_900_000)]
    [InlineData("0.01", "0.30", "33.30", 9_990_000, 33_300_000)]
    [InlineData("0.01", "0.15", "66.60", 9_990_000, 66_600_000)]
    [InlineData("0.1", "0.5", "100", 50_000_000, 100_000_000)]
    public void limit_buy_pays_size_times_price_for_size_shares(string tick, string price, string size, ulong maker, ulong taker)
    {
        var amounts = OrderPricing.ForLimit(OrderSide.Buy, decimal.Parse(price), decimal.Parse(size), Rules(tick)).Value;
        Assert.Equal(new OrderAmounts(OrderSide.Buy, maker, taker), amounts);
    }

    [Theory]
    [InlineData("0.1", "0.5", "21.04", 21_040_000, 10_520_000)]
    [InlineData("0.01", "0.56", "21.04", 21_040_000, 11_782_400)]
    [InlineData("0.005", "0.555", "21.04", 21_040_000, 11_677_200)]
    [InlineData("0.0025", "0.5575", "21.04", 21_040_000, 11_729_800)]
    [InlineData("0.001", "0.056", "21.04", 21_040_000, 1_178_240)]
    [InlineData("0.0001", "0.0056", "21.04", 21_040_000, 117_824)]
    [InlineData("0.01", "0.30", "16.90", 16_900_000, 5_070_000)]
    [InlineData("0.01", "0.15", "66.60", 66_600_000, 9_990_000)]
    public void limit_sell_gives_size_shares_for_size_times_price(string tick, string price, string size, ulong maker, ulong taker)
    {
        var amounts = OrderPricing.ForLimit(OrderSide.Sell, decimal.Parse(price), decimal.Parse(size), Rules(tick)).Value;
        Assert.Equal(new OrderAmounts(OrderSide.Sell, maker, taker), amounts);
    }

    [Fact]
    public void limit_size_is_truncated_to_the_hundredth_share_lot()
    {
        var amounts = OrderPricing.ForLimit(OrderSide.Buy, 0.5m, 10.019m, Rules("0.01")).Value;
        Assert.Equal(new OrderAmounts(OrderSide.Buy, 5_005_000, 10_010_000), amounts);
    }

    // Market orders: clob-client-v2 tests/order-builder/helpers/createMarketOrder.test.ts (amount 100).
    [Theory]
    [InlineData("0.1", "0.5", 100_000_000, 200_000_000)]
    [InlineData("0.01", "0.56", 100_000_000, 178_571_400)]
    [InlineData("0.005", "0.555", 100_000_000, 180_180_180)]
    [InlineData("0.0025", "0.5575", 100_000_000, 179_372_197)]
    [InlineData("0.001", "0.056", 100_000_000, 1_785_714_280)]
    [InlineData("0.0001", "0.0056", 100_000_000, 17_857_142_857)]
    public void market_buy_spends_the_pusd_amount_for_amount_over_price_shares(string tick, string price, ulong maker, ulong taker)
    {
        var amounts = OrderPricing.ForMarket(OrderSide.Buy, 100m, decimal.Parse(price), Rules(tick)).Value;
        Assert.Equal(new OrderAmounts(OrderSide.Buy, maker, taker), amounts);
    }

    [Theory]
    [InlineData("0.1", "0.5", 100_000_000, 50_000_000)]
    [InlineData("0.01", "0.56", 100_000_000, 56_000_000)]
    [InlineData("0.005", "0.555", 100_000_000, 55_500_000)]
    [InlineData("0.0025", "0.5575", 100_000_000, 55_750_000)]
    [InlineData("0.001", "0.056", 100_000_000, 5_600_000)]
    [InlineData("0.0001", "0.0056", 100_000_000, 560_000)]
    public void market_sell_sells_the_share_amount_for_amount_times_price(string tick, string price, ulong maker, ulong taker)
    {
        var amounts = OrderPricing.ForMarket(OrderSide.Sell, 100m, decimal.Parse(price), Rules(tick)).Value;
        Assert.Equal(new OrderAmounts(OrderSide.Sell, maker, taker), amounts);
    }

    [Fact]
    public void a_market_price_inside_the_range_is_truncated_to_the_tick_places()
    {
        var amounts = OrderPricing.ForMarket(OrderSide.Sell, 10m, 0.569m, Rules("0.01")).Value;
        Assert.Equal(new OrderAmounts(OrderSide.Sell, 10_000_000, 5_600_000), amounts);
    }

    // clob-client-v2 createMarketOrder checks priceValid(price, tickSize) on the caller's price before
    // getMarketOrderRawAmounts truncates it. Truncating first signed a SELL at 0.965 on a 0.1 tick with a
    // 0.9 floor, more than a tick looser than the caller's limit (the band between 1 − tick and 1); the band
    // between 0 and the tick was refused either way, and stays so.
    [Theory]
    [InlineData("0.1", "0.965", OrderSide.Sell)]
    [InlineData("0.1", "0.95", OrderSide.Buy)]
    [InlineData("0.1", "0.9000001", OrderSide.Sell)]
    [InlineData("0.01", "0.995", OrderSide.Sell)]
    [InlineData("0.01", "0.999", OrderSide.Buy)]
    [InlineData("0.005", "0.9951", OrderSide.Sell)]
    [InlineData("0.0025", "0.998", OrderSide.Buy)]
    [InlineData("0.001", "0.9995", OrderSide.Sell)]
    [InlineData("0.0001", "0.99995", OrderSide.Buy)]
    [InlineData("0.1", "0.05", OrderSide.Buy)]
    [InlineData("0.1", "0.099", OrderSide.Sell)]
    [InlineData("0.01", "0.005", OrderSide.Sell)]
    [InlineData("0.01", "0.0099", OrderSide.Buy)]
    [InlineData("0.001", "0.0005", OrderSide.Buy)]
    [InlineData("0.0001", "0.00005", OrderSide.Sell)]
    public void market_prices_outside_tick_to_one_minus_tick_are_refused_before_truncation(string tick, string price, OrderSide side)
    {
        var result = OrderPricing.ForMarket(side, 100m, decimal.Parse(price), Rules(tick));
        Assert.Equal(OrderRefusal.PriceOutOfRange, result.Refusal);
    }

    [Theory]
    [InlineData("0.1", "0.1")]
    [InlineData("0.1", "0.9")]
    [InlineData("0.01", "0.01")]
    [InlineData("0.01", "0.99")]
    [InlineData("0.0001", "0.9999")]
    public void market_prices_on_the_range_bounds_are_accepted_on_both_sides(string tick, string price)
    {
        Assert.True(OrderPricing.ForMarket(OrderSide.Buy, 100m, decimal.Parse(price), Rules(tick)).IsSuccess);
        Assert.True(OrderPricing.ForMarket(OrderSide.Sell, 100m, decimal.Parse(price), Rules(tick)).IsSuccess);
    }

    [Theory]
    [InlineData("0.01", "0")]
    [InlineData("0.01", "0.001")]
    [InlineData("0.01", "1")]
    [InlineData("0.01", "0.995")]
    [InlineData("0.1", "0.95")]
    [InlineData("0.001", "0.9995")]
    [InlineData("0.01", "-0.5")]
    public void limit_prices_outside_tick_to_one_minus_tick_are_refused(string tick, string price)
    {
        var result = OrderPricing.ForLimit(OrderSide.Buy, decimal.Parse(price), 100m, Rules(tick));
        Assert.Equal(OrderRefusal.PriceOutOfRange, result.Refusal);
    }

    [Theory]
    [InlineData("0.01", "0.555")]
    [InlineData("0.1", "0.55")]
    [InlineData("0.005", "0.556")]
    [InlineData("0.0025", "0.5574")]
    [InlineData("0.001", "0.0555")]
    public void limit_prices_off_the_tick_grid_are_refused(string tick, string price)
    {
        var result = OrderPricing.ForLimit(OrderSide.Sell, decimal.Parse(price), 100m, Rules(tick));
        Assert.Equal(OrderRefusal.PriceNotOnTick, result.Refusal);
    }

    [Fact]
    public void market_price_off_a_half_cent_grid_is_refused()
    {
        var result = OrderPricing.ForMarket(OrderSide.Buy, 10m, 0.557m, Rules("0.005"));
        Assert.Equal(OrderRefusal.PriceNotOnTick, result.Refusal);
    }

    [Theory]
    [InlineData("4.99")]
    [InlineData("0.001")]
    [InlineData("0")]
    [InlineData("-5")]
    public void limit_sizes_below_the_market_minimum_are_refused(string size)
    {
        var result = OrderPricing.ForLimit(OrderSide.Buy, 0.5m, decimal.Parse(size), Rules("0.01", minimum: 5m));
        Assert.Equal(OrderRefusal.SizeBelowMinimum, result.Refusal);
    }

    [Fact]
    public void limit_size_at_the_minimum_is_accepted()
    {
        Assert.True(OrderPricing.ForLimit(OrderSide.Buy, 0.5m, 5m, Rules("0.01", minimum: 5m)).IsSuccess);
    }

    [Fact]
    public void market_buy_whose_share_quantity_is_below_the_minimum_is_refused()
    {
        // $2 at 0.50 buys 4 shares; the market minimum is 5.
        var result = OrderPricing.ForMarket(OrderSide.Buy, 2m, 0.5m, Rules("0.01", minimum: 5m));
        Assert.Equal(OrderRefusal.SizeBelowMinimum, result.Refusal);
    }

    [Fact]
    public void market_amount_that_rounds_to_nothing_is_refused()
    {
        var result = OrderPricing.ForMarket(OrderSide.Sell, 0.004m, 0.5m, Rules("0.01"));
        Assert.Equal(OrderRefusal.SizeBelowMinimum, result.Refusal);
    }

    [Theory]
    [InlineData("0.02")]
    [InlineData("0.00001")]
    [InlineData("1")]
    [InlineData("0")]
    [InlineData("tick")]
    public void tick_sizes_the_clob_does_not_use_are_refused(string tick)
    {
        Assert.Equal(OrderRefusal.InvalidTickSize, TickSize.Parse(tick).Refusal);
    }

    [Fact]
    public void tick_size_parses_the_api_text_form_with_trailing_zeros()
    {
        Assert.Same(TickSize.Hundredth, TickSize.Parse("0.010").Value);
    }

    [Fact]
    public void the_largest_limit_size_that_fits_64_bit_base_units_is_signed_and_the_next_lot_is_refused()
    {
        var largest = OrderPricing.ForLimit(OrderSide.Sell, 0.5m, 18_446_744_073_709.55m, Rules("0.01"));
        var next = OrderPricing.ForLimit(OrderSide.Sell, 0.5m, 18_446_744_073_709.56m, Rules("0.01"));

        Assert.Equal(18_446_744_073_709_550_000UL, largest.Value.MakerAmount);
        Assert.Equal(OrderRefusal.AmountOutOfRange, next.Refusal);
    }

    [Theory]
    [InlineData(OrderSide.Buy, "1e13", "0.01", "0.01")] // 10^13 pUSD buys 10^15 shares: the taker leg overflows
    [InlineData(OrderSide.Buy, "79228162514264337593543950335", "0.0001", "0.0001")]
    [InlineData(OrderSide.Sell, "79228162514264337593543950335", "0.99", "0.01")]
    [InlineData(OrderSide.Sell, "2e13", "0.5", "0.1")]
    public void market_amounts_beyond_64_bit_base_units_are_refused(OrderSide side, string amount, string price, string tick)
    {
        var result = OrderPricing.ForMarket(side, decimal.Parse(amount, System.Globalization.NumberStyles.Float), decimal.Parse(price), Rules(tick));
        Assert.Equal(OrderRefusal.AmountOutOfRange, result.Refusal);
    }

    [Fact]
    public void limit_size_of_decimal_max_is_refused_not_thrown()
    {
        Assert.Equal(OrderRefusal.AmountOutOfRange, OrderPricing.ForLimit(OrderSide.Buy, 0.01m, decimal.MaxValue, Rules("0.01")).Refusal);
    }

    [Fact]
    public void a_side_that_is_neither_buy_nor_sell_is_refused()
    {
        Assert.Equal(OrderRefusal.InvalidSide, OrderPricing.ForLimit((OrderSide)2, 0.5m, 10m, Rules("0.01")).Refusal);
        Assert.Equal(OrderRefusal.InvalidSide, OrderPricing.ForMarket((OrderSide)255, 10m, 0.5m, Rules("0.01")).Refusal);
    }

    [Fact]
    public void a_refused_result_has_no_value()
    {
        var result = OrderPricing.ForLimit(OrderSide.Buy, 2m, 1m, Rules("0.01"));
        Assert.False(result.IsSuccess);
        Assert.Throws<InvalidOperationException>(() => result.Value);
    }
}
