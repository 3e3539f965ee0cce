using Polytraders.Polymarket.Clob;
using Polytraders.Polymarket.Orders;
using Polytraders.Venue.Tests.Support;

namespace Polytraders.Venue.Tests.Clob;

/// <summary>The market channel client against the fake's real websocket.</summary>
public sealed class MarketFeedTests
{
    private const string OtherToken = "52114319501245915516055106046884209969926127482827954674443846427813813222426";

    [Fact]
    public async Task book_price_change_and_last_trade_price_frames_are_parsed()
    {
        await using var rig = await ClobRig.StartAsync();
        var market = TestMarkets.Standard(rig.Clob);
        var feed = rig.MarketFeed();
        using var stop = new CancellationTokenSource();
        var run = feed.RunAsync([market.TokenId], stop.Token);

        var initial = await Eventually.ReadUntilAsync(feed.Events, seen => seen.OfType<BookSnapshot>().Any());
        await rig.Clob.Sockets.PushMarketAsync($$"""
            {"market":"{{TestMarkets.ConditionId}}","price_changes":[
              {"asset_id":"{{market.TokenId}}","price":"0.5","size":"200","side":"BUY","hash":"56621a12","best_bid":"0.5","best_ask":"0.52"},
              {"asset_id":"{{OtherToken}}","price":"0.5","size":"0","side":"SELL","hash":"1895759e","best_bid":"0.48","best_ask":"0.5"}],
             "timestamp":"1757908892351","event_type":"price_change"}
            """);
        await rig.Clob.Sockets.PushMarketAsync($$"""
            {"asset_id":"{{market.TokenId}}","event_type":"last_trade_price","fee_rate_bps":"0","market":"{{TestMarkets.ConditionId}}","price":"0.456","side":"BUY","size":"219.217767","timestamp":"1750428146322"}
            """);
        var later = await Eventually.ReadUntilAsync(feed.Events, seen => seen.OfType<LastTradePrice>().Any());
        await stop.CancelAsync();
        await run;

        var book = Assert.Single(initial.OfType<BookSnapshot>());
        Assert.Equal((TestMarkets.ConditionId, market.TokenId, false, 0.49m, 0.52m), (book.Market, book.AssetId, book.AfterGap, book.BestBid, book.BestAsk));
        var changes = later.OfType<PriceLevelChange>().ToList();
        Assert.Equal(2, changes.Count);
        Assert.Equal(
            new PriceLevelChange(TestMarkets.ConditionId, market.TokenId, DateTimeOffset.FromUnixTimeMilliseconds(1_757_908_892_351), 0.5m, 200m, OrderSide.Buy, 0.5m, 0.52m, "56621a12"),
            changes[0]);
        Assert.Equal((OtherToken, OrderSide.Sell, 0m), (changes[1].AssetId, changes[1].Side, changes[1].Size));
        var trade = Assert.Single(later.OfType<LastTradePrice>());
        Assert.Equal((0.456m, 219.217767m, OrderSide.Buy, DateTimeOffset.FromUnixTimeMilliseconds(1_750_428_146_322)), (trade.Price, trade.Size, trade.Side, trade.Timestamp));
        Assert.Equal([market.TokenId], Assert.Single(rig.Clob.Sockets.MarketSubscriptions));
    }

    [Fact]
    public async Task a_dropped_connection_reconnects_resubscribes_and_reports_the_gap()
    {
        await using var rig = await ClobRig.StartAsync();
        var market = TestMarkets.Standard(rig.Clob);
        var feed = rig.MarketFeed();
        using var stop = new CancellationTokenSource();
        var run = feed.RunAsync([market.TokenId], stop.Token);
        await Eventually.ReadUntilAsync(feed.Events, seen => seen.OfType<BookSnapshot>().Any());

        rig.Clob.Sockets.DropMarketConnections();
        var after = await Eventually.ReadUntilAsync(feed.Events, seen => seen.OfType<BookSnapshot>().Any());
        await stop.CancelAsync();
        await run;

        var gap = Assert.IsType<FeedGap>(after[0]);
        Assert.Equal([market.TokenId], gap.AssetIds);
        Assert.True(gap.ReconnectedAt >= gap.LostAt);
        Assert.True(Assert.IsType<BookSnapshot>(after[1]).AfterGap);
        Assert.Equal(2, feed.Connections);
        Assert.Equal(2, rig.Clob.Sockets.MarketSubscriptions.Count);
        Assert.All(rig.Clob.Sockets.MarketSubscriptions, s => Assert.Equal([market.TokenId], s));
        Assert.Contains(rig.Logs.Lines, l => l.Contains("CLOB market feed gap", StringComparison.Ordinal));
    }

    [Fact]
    public async Task the_client_keeps_the_connection_alive_with_ping()
    {
        await using var rig = await ClobRig.StartAsync(o => { o.PingInterval = TimeSpan.FromMilliseconds(100); o.StaleConnectionTimeout = TimeSpan.FromSeconds(5); });
        var market = TestMarkets.Standard(rig.Clob);
        var feed = rig.MarketFeed();
        using var stop = new CancellationTokenSource();
        var run = feed.RunAsync([market.TokenId], stop.Token);

        await Eventually.TrueAsync(() => rig.Clob.Sockets.Pings >= 3, "three PINGs answered");
        await stop.CancelAsync();
        await run;

        Assert.Equal(1, feed.Connections);
        Assert.DoesNotContain(feed.Events.ReadAllAsync().ToBlockingEnumerable(), e => e is FeedGap);
    }

    [Fact]
    public async Task a_connection_that_goes_silent_is_dropped_and_reconnected()
    {
        await using var rig = await ClobRig.StartAsync(o => { o.PingInterval = TimeSpan.FromMilliseconds(50); o.StaleConnectionTimeout = TimeSpan.FromMilliseconds(400); });
        var market = TestMarkets.Standard(rig.Clob);
        rig.Clob.Sockets.AnswerPings = false;
        var feed = rig.MarketFeed();
        using var stop = new CancellationTokenSource();
        var run = feed.RunAsync([market.TokenId], stop.Token);

        var events = await Eventually.ReadUntilAsync(feed.Events, seen => seen.OfType<BookSnapshot>().Any(b => b.AfterGap));
        await stop.CancelAsync();
        await run;

        Assert.IsType<FeedGap>(Assert.Single(events, e => e is FeedGap));
        Assert.True(feed.Connections >= 2);
        Assert.Contains(rig.Logs.Lines, l => l.Contains("channel lost: stale", StringComparison.Ordinal));
    }

    [Fact]
    public async Task the_events_complete_when_the_feed_is_stopped()
    {
        await using var rig = await ClobRig.StartAsync();
        var market = TestMarkets.Standard(rig.Clob);
        var feed = rig.MarketFeed();
        using var stop = new CancellationTokenSource();
        var run = feed.RunAsync([market.TokenId], stop.Token);
        await Eventually.ReadUntilAsync(feed.Events, seen => seen.Count > 0);

        await stop.CancelAsync();
        await run;

        await feed.Events.Completion.WaitAsync(TimeSpan.FromSeconds(5));
    }
}
