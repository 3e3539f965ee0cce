using Polytraders.Polymarket.Clob;
using Polytraders.Polymarket.Orders;
using Polytraders.Venue.Tests.Support;

namespace Polytraders.Venue.Tests.Clob;

/// <summary>ClobRestClient posting real signed orders to the fake CLOB.</summary>
public sealed class OrderSubmissionTests
{
    [Fact]
    public async Task a_post_only_order_that_would_cross_is_refused_and_one_that_rests_is_accepted()
    {
        await using var rig = await ClobRig.StartAsync();
        var market = TestMarkets.Standard(rig.Clob);
        using var wallet = new TestWallet(rig.Clob);

        var crossing = await Assert.ThrowsAsync<ClobApiException>(() =>
            rig.Client.PostOrderAsync(wallet.Limit(market, OrderSide.Buy, 0.53m, 10m), wallet.Account, OrderType.Gtc, postOnly: true));
        var resting = await rig.Client.PostOrderAsync(wallet.Limit(market, OrderSide.Buy, 0.47m, 10m), wallet.Account, OrderType.Gtc, postOnly: true);

        Assert.Equal(ClobErrorKind.Refused, crossing.Kind);
        Assert.Contains("crosses book", crossing.VenueMessage);
        Assert.Equal((true, PostOrderStatus.Live), (resting.Success, resting.Status));
        Assert.True(Assert.Single(rig.Clob.State.AcceptedOrders).PostOnly);
    }

    [Fact]
    public async Task cancel_order_and_cancel_all_remove_resting_orders()
    {
        await using var rig = await ClobRig.StartAsync();
        var market = TestMarkets.Standard(rig.Clob);
        using var wallet = new TestWallet(rig.Clob);
        var first = await rig.Client.PostOrderAsync(wallet.Limit(market, OrderSide.Buy, 0.40m, 10m), wallet.Account, OrderType.Gtc);
        var second = await rig.Client.PostOrderAsync(wallet.Limit(market, OrderSide.Buy, 0.41m, 10m), wallet.Account, OrderType.Gtc);

        var one = await rig.Client.CancelOrderAsync(first.OrderId!, wallet.Account);
        var open = await rig.Client.GetOpenOrdersAsync(wallet.Account, assetId: market.TokenId);
        var all = await rig.Client.CancelAllAsync(wallet.Account);
        var none = await rig.Client.GetOpenOrdersAsync(wallet.Account);

        Assert.Equal([first.OrderId!], one.Canceled);
        Assert.Equal(second.OrderId, Assert.Single(open.Data).Id);
        Assert.Equal((0.41m, 10m, "BUY"), (open.Data[0].Price, open.Data[0].OriginalSize, open.Data[0].Side));
        Assert.True(open.IsLast);
        Assert.Equal([second.OrderId!], all.Canceled);
        Assert.Empty(none.Data);
    }
}
