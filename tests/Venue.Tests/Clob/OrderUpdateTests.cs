using Polytraders.Polymarket.Clob;
using Polytraders.Polymarket.Orders;
using Polytraders.Venue.Tests.Fake;
using Polytraders.Venue.Tests.Support;

namespace Polytraders.Venue.Tests.Clob;

/// <summary>The user channel's "order" messages: parsed, and a cancellation told apart from a GTD expiry.</summary>
public sealed class OrderUpdateTests
{
    private static readonly DateTimeOffset At = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);

    [Fact]
    public async Task an_order_cancellation_frame_is_parsed_with_its_expiration()
    {
        await using var rig = await ClobRig.StartAsync();
        var market = TestMarkets.Standard(rig.Clob);
        using var wallet = new TestWallet(rig.Clob);
        var user = await rig.SubscribedUserFeedAsync(wallet.Account, market.ConditionId);
        var resting = new AcceptedOrder("0x" + new string('a', 64), wallet.Fake.ApiKey, "GTD", 1_700_000_030, false, "live", market.TokenId, "BUY", 0.45m, 10m);

        await rig.Clob.Sockets.PushUserAsync(wallet.Fake.ApiKey, FakeSockets.OrderFrame(wallet.Fake.ApiKey, resting, market.ConditionId, "CANCELLATION", At.ToUnixTimeSeconds(), 1_700_000_030, sizeMatched: 4m));
        var update = (await Eventually.ReadUntilAsync(user.Feed.Events, seen => seen.OfType<OrderUpdate>().Any())).OfType<OrderUpdate>().Single();
        await user.StopAsync();

        Assert.Equal((resting.OrderHash, "CANCELLATION", At, OrderSide.Buy, 0.45m, 10m, 4m, 1_700_000_030L), (update.OrderId, update.Type, update.Timestamp, update.Side, update.Price, update.OriginalSize, update.SizeMatched, update.Expiration));
        Assert.True(update.IsCancellation);
        Assert.True(update.IsExpiry);
    }

    [Theory]
    [InlineData("CANCELLATION", null, 0L, true, false)]
    [InlineData("CANCELLATION", null, 1_700_000_061L, true, false)]
    [InlineData("CANCELLATION", null, 1_700_000_060L, true, true)]
    [InlineData("UPDATE", "CANCELED", 0L, true, false)]
    [InlineData("UPDATE", "EXPIRED", 0L, true, true)]
    [InlineData("UPDATE", "LIVE", 1_600_000_000L, false, false)]
    [InlineData("PLACEMENT", "LIVE", 0L, false, false)]
    public void a_cancellation_is_an_expiry_when_the_venue_says_so_or_the_gtd_expiration_less_its_minute_has_passed(string type, string? status, long expiration, bool cancellation, bool expiry)
    {
        var update = new OrderUpdate(At, "0xabc", type, status, "0xm", "1", OrderSide.Buy, 0.5m, 10m, 0m, expiration);

        Assert.Equal((cancellation, expiry), (update.IsCancellation, update.IsExpiry));
    }
}
