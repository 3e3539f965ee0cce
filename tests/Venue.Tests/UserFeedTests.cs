using Polytraders.Contracts;
using Polytraders.Grains.Execution.Auth;
using Polytraders.Grains.Execution.Clob;
using Polytraders.Venue.Tests.Support;

namespace Polytraders.Venue.Tests;

/// <summary>The user channel client: trade status updates on our orders become fills.</summary>
public sealed class UserFeedTests
{
    [Fact]
    public async Task a_matched_order_yields_fills_matched_then_mined_then_confirmed()
    {
        await using var rig = await ClobRig.StartAsync();
        var market = Markets.Standard(rig.Clob);
        using var wallet = new TestWallet(rig.Clob);
        var feed = rig.UserFeed();
        using var stop = new CancellationTokenSource();
        var run = feed.RunAsync(wallet.Account, [market.ConditionId], stop.Token);
        await Eventually.TrueAsync(() => rig.Clob.Sockets.UserSubscriptionKeys.Count == 1, "user channel subscribed");
        var (order, intent) = wallet.Contract(market, TestWallet.Intent(market, Side.Buy, 0.53m, 10m));

        var answer = await rig.Venue(wallet).SubmitAsync(order, intent, TestWallet.StateOf(market), CancellationToken.None);
        var events = await Eventually.ReadUntilAsync(feed.Events, seen => seen.OfType<FillUpdate>().Count() == 3);
        await stop.CancelAsync();
        await run;

        var fills = events.OfType<FillUpdate>().Select(u => u.Fill).ToList();
        Assert.Equal([FillStatus.Matched, FillStatus.Mined, FillStatus.Confirmed], fills.Select(f => f.Status));
        Assert.Single(fills.Select(f => f.FillId).Distinct());
        Assert.All(fills, f => Assert.Equal((intent.ClientOrderId, intent.PortfolioId, market.ConditionId, 10m, 0.53m, FillVenue.Polymarket), (f.ClientOrderId, f.PortfolioId, f.MarketId, f.Size, f.Price, f.Venue)));

        // The venue's own answer and the feed name the same fill.
        Assert.Equal(fills[0].FillId, Assert.Single(answer.Fills).FillId);
        Assert.Equal(wallet.Fake.ApiKey, Assert.Single(rig.Clob.Sockets.UserSubscriptionKeys));
    }

    [Fact]
    public async Task a_wrong_secret_is_refused_on_the_user_channel()
    {
        await using var rig = await ClobRig.StartAsync();
        using var wallet = new TestWallet(rig.Clob);
        var wrong = wallet.Account with { Credentials = new ApiCredentials(wallet.Fake.ApiKey, Convert.ToBase64String(new byte[32]), wallet.Fake.Passphrase) };
        var feed = rig.UserFeed();
        using var stop = new CancellationTokenSource();
        var run = feed.RunAsync(wrong, [], stop.Token);

        await Eventually.TrueAsync(() => rig.Clob.Sockets.UserAuthFailures >= 2, "refused twice (and retried)");
        await stop.CancelAsync();
        await run;

        Assert.Empty(rig.Clob.Sockets.UserSubscriptionKeys);
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

        var fill = Assert.Single(fills).Fill;
        Assert.Equal(("t-1:0xaaa", "coid-1", Side.Sell, 4m, 0.59m, FillStatus.Mined), (fill.FillId, fill.ClientOrderId, fill.Side, fill.Size, fill.Price, fill.Status));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000), fill.FilledAt);
        Assert.Empty(TradeFillMapper.FillsOf(trade with { Status = "SETTLING" }, index, DateTimeOffset.UtcNow));
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
