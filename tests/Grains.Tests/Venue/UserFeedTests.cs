using Polytraders.Contracts;
using Polytraders.Grains.Execution.Polymarket;
using Polytraders.Polymarket.Clob;
using Polytraders.Venue.Tests.Support;

namespace Polytraders.Grains.Tests.Venue;

/// <summary>The user channel's trade updates on our orders become fills, each (fill, status) once.</summary>
public sealed class UserFeedTests
{
    [Fact]
    public async Task a_matched_order_yields_fills_matched_then_mined_then_confirmed()
    {
        await using var rig = await ClobRig.StartAsync();
        var market = TestMarkets.Standard(rig.Clob);
        using var wallet = new TestWallet(rig.Clob);
        var user = await rig.SubscribedUserFeedAsync(wallet.Account, market.ConditionId);
        var (order, intent) = wallet.Contract(market, TestWallet.Intent(market, Side.Buy, 0.53m, 10m));

        var answer = await rig.Venue(wallet).SubmitAsync(order, intent, TestWallet.StateOf(market), CancellationToken.None);
        var events = await Eventually.ReadUntilAsync(user.Feed.Events, seen => seen.OfType<TradeUpdate>().Count() == 3);
        await user.StopAsync();

        var fills = events.OfType<TradeUpdate>().SelectMany(new UserFeedFills(rig.Submitted).Of).ToList();
        Assert.Equal([FillStatus.Matched, FillStatus.Mined, FillStatus.Confirmed], fills.Select(f => f.Status));
        Assert.Single(fills.Select(f => f.FillId).Distinct());
        Assert.All(fills, f => Assert.Equal((intent.ClientOrderId, intent.PortfolioId, market.ConditionId, 10m, 0.53m, FillVenue.Polymarket), (f.ClientOrderId, f.PortfolioId, f.MarketId, f.Size, f.Price, f.Venue)));

        // The venue's own answer and the feed name the same fill.
        Assert.Equal(fills[0].FillId, Assert.Single(answer.Fills).FillId);
        Assert.Equal(wallet.Fake.ApiKey, Assert.Single(rig.Clob.Sockets.UserSubscriptionKeys));
    }

    [Fact]
    public void a_trade_where_we_are_a_maker_fills_our_matched_amount_and_others_orders_give_nothing()
    {
        var index = new SubmittedOrderIndex();
        index.Register(new SubmittedOrder("0xaaa", "coid-1", "PORT-001", "0xm", "1", Side.Sell));
        var trade = new ClobTrade
        {
            Id = "t-1",
            TakerOrderId = "0xsomeone",
            Market = "0xm",
            AssetId = "1",
            Side = "BUY",
            Size = 10m,
            Price = 0.6m,
            Status = "mined",
            MatchTime = 1_700_000_000,
            MakerOrders = [new ClobMakerOrder { OrderId = "0xAAA", MatchedAmount = 4m, Price = 0.59m }, new ClobMakerOrder { OrderId = "0xbbb", MatchedAmount = 6m, Price = 0.6m }],
        };

        var fills = TradeFillMapper.FillsOf(trade, index, DateTimeOffset.UtcNow);

        var fill = Assert.Single(fills);
        Assert.Equal(("t-1:0xaaa", "coid-1", Side.Sell, 4m, 0.59m, FillStatus.Mined), (fill.FillId, fill.ClientOrderId, fill.Side, fill.Size, fill.Price, fill.Status));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000), fill.FilledAt);
        Assert.Empty(TradeFillMapper.FillsOf(trade with { Status = "SETTLING" }, index, DateTimeOffset.UtcNow));
    }

    [Fact]
    public void a_status_the_venue_sends_twice_is_handed_on_once()
    {
        var index = new SubmittedOrderIndex();
        index.Register(new SubmittedOrder("0xaaa", "coid-1", "PORT-001", "0xm", "1", Side.Buy));
        var fills = new UserFeedFills(index);
        var matched = new TradeUpdate(DateTimeOffset.UtcNow, new ClobTrade { Id = "t-1", TakerOrderId = "0xaaa", Size = 10m, Price = 0.5m, Status = "MATCHED" });

        Assert.Equal(FillStatus.Matched, Assert.Single(fills.Of(matched)).Status);
        Assert.Empty(fills.Of(matched));
        Assert.Equal(FillStatus.Mined, Assert.Single(fills.Of(matched with { Trade = matched.Trade with { Status = "MINED" } })).Status);
    }

    [Theory]
    [InlineData("MATCHED", FillStatus.Matched)]
    [InlineData("MINED", FillStatus.Mined)]
    [InlineData("CONFIRMED", FillStatus.Confirmed)]
    [InlineData("RETRYING", FillStatus.Retrying)]
    [InlineData("FAILED", FillStatus.Failed)]
    public void every_trade_status_maps_to_its_fill_status(string status, FillStatus expected) =>
        Assert.Equal(expected, TradeFillMapper.StatusOf(status));
}
