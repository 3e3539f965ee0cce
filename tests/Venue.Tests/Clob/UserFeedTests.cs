using Polytraders.Polymarket.Auth;
using Polytraders.Polymarket.Clob;
using Polytraders.Polymarket.Orders;
using Polytraders.Venue.Tests.Support;

namespace Polytraders.Venue.Tests.Clob;

/// <summary>The user channel client: the account's trades reach it at each status, parsed.</summary>
public sealed class UserFeedTests
{
    [Fact]
    public async Task a_matched_order_yields_trade_updates_matched_then_mined_then_confirmed()
    {
        await using var rig = await ClobRig.StartAsync();
        var market = TestMarkets.Standard(rig.Clob);
        using var wallet = new TestWallet(rig.Clob);
        var user = await rig.SubscribedUserFeedAsync(wallet.Account, market.ConditionId);

        var posted = await rig.Client.PostOrderAsync(wallet.Limit(market, OrderSide.Buy, 0.53m, 10m), wallet.Account, OrderType.Gtc);
        var events = await Eventually.ReadUntilAsync(user.Feed.Events, seen => seen.OfType<TradeUpdate>().Count() == 3);
        await user.StopAsync();

        var trades = events.OfType<TradeUpdate>().Select(u => u.Trade).ToList();
        Assert.Equal(["MATCHED", "MINED", "CONFIRMED"], trades.Select(t => t.Status));
        Assert.All(trades, t => Assert.Equal((posted.OrderId, market.ConditionId, market.TokenId, 10m, 0.53m), (t.TakerOrderId, t.Market, t.AssetId, t.Size, t.Price)));
        Assert.All(trades, t => Assert.True(t.MatchedAtSeconds > 0));
        Assert.Equal([posted.TradeIds![0]], trades.Select(t => t.Id).Distinct());
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
}
