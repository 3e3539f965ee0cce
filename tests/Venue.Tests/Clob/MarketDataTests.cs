using Polytraders.Polymarket.Clob;
using Polytraders.Polymarket.Orders;
using Polytraders.Venue.Tests.Support;

namespace Polytraders.Venue.Tests.Clob;

public sealed class MarketDataTests
{
    [Fact]
    public async Task prices_history_is_parsed_into_points_for_an_interval_and_for_a_range()
    {
        await using var rig = await ClobRig.StartAsync();
        var market = TestMarkets.Standard(rig.Clob);
        rig.Clob.State.History.AddRange(
        [
            new PriceHistoryPoint { T = 1_700_000_000, P = 0.51m },
            new PriceHistoryPoint { T = 1_700_003_600, P = 0.515m },
            new PriceHistoryPoint { T = 1_700_007_200, P = 0.49m },
        ]);

        var day = await rig.Client.GetPricesHistoryAsync(new PriceHistoryQuery(market.TokenId, Interval: "1d", FidelityMinutes: 60));
        var range = await rig.Client.GetPricesHistoryAsync(new PriceHistoryQuery(
            market.TokenId, Start: DateTimeOffset.FromUnixTimeSeconds(1_700_003_000), End: DateTimeOffset.FromUnixTimeSeconds(1_700_008_000)));

        Assert.Equal([0.51m, 0.515m, 0.49m], day.History.Select(p => p.P));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000), day.History[0].Time);
        Assert.Equal([1_700_003_600L, 1_700_007_200L], range.History.Select(p => p.T));
        var query = rig.Clob.State.RequestsTo("GET", "/prices-history")[0].Query;
        Assert.Equal($"?market={market.TokenId}&fidelity=60&interval=1d", query);
    }

    [Fact]
    public async Task prices_history_needs_an_interval_or_both_ends()
    {
        await using var rig = await ClobRig.StartAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => rig.Client.GetPricesHistoryAsync(new PriceHistoryQuery("1", Start: DateTimeOffset.UtcNow)));
        await Assert.ThrowsAsync<ArgumentException>(() => rig.Client.GetPricesHistoryAsync(new PriceHistoryQuery("1", Interval: "2d")));
        Assert.Empty(rig.Clob.State.Requests);
    }

    [Fact]
    public async Task book_tick_size_neg_risk_midpoint_price_and_time_are_parsed()
    {
        await using var rig = await ClobRig.StartAsync();
        var market = TestMarkets.Standard(rig.Clob);

        var book = await rig.Client.GetOrderBookAsync(market.TokenId);
        var tick = await rig.Client.GetTickSizeAsync(market.TokenId);
        var negRisk = await rig.Client.GetNegRiskAsync(market.TokenId);
        var mid = await rig.Client.GetMidpointAsync(market.TokenId);
        var bid = await rig.Client.GetPriceAsync(market.TokenId, OrderSide.Buy);
        var time = await rig.Client.GetServerTimeAsync();

        Assert.Equal((TestMarkets.ConditionId, market.TokenId, 5m, 0.01m, false, 0.5m), (book.Market, book.AssetId, book.MinOrderSize, book.TickSize, book.NegRisk, book.LastTradePrice));
        Assert.Equal((2, 2, 0.49m, 0.52m), (book.Bids.Count, book.Asks.Count, book.BestBid, book.BestAsk));
        Assert.Equal((0.01m, false, 0.505m, 0.49m), (tick, negRisk, mid, bid));
        Assert.InRange(time, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
    }

    [Fact]
    public async Task the_pusd_balance_is_read_from_base_units()
    {
        await using var rig = await ClobRig.StartAsync();
        using var wallet = new TestWallet(rig.Clob, pusdBaseUnits: 1_234_560_000);

        var balance = await rig.Client.GetBalanceAllowanceAsync(wallet.Account);

        Assert.Equal(1_234.56m, balance.Amount);
        Assert.Contains("?asset_type=COLLATERAL&signature_type=0", rig.Clob.State.RequestsTo("GET", "/balance-allowance")[0].Query);
    }

    [Theory]
    [InlineData("2500000", 2.5)]
    [InlineData("1", 0.000001)]
    [InlineData("", 0)]
    [InlineData("2.5", 2.5)]
    public void base_unit_amounts_become_decimals(string text, double expected) =>
        Assert.Equal((decimal)expected, BaseUnits.ToDecimal(text));
}
