using Polytraders.Contracts;
using Polytraders.Polymarket.Clob;
using Polytraders.Trading.Venues;
using Polytraders.Venue.Tests.Fake;
using Polytraders.Venue.Tests.Support;

namespace Polytraders.Grains.Tests.Venue;

/// <summary>After a restart the execution grain asks the venue whether it already holds an order (IVenueOrderLookup).</summary>
public sealed class ReconciliationTests
{
    [Fact]
    public async Task a_resting_order_is_found_open_without_fills()
    {
        await using var rig = await ClobRig.StartAsync();
        var market = TestMarkets.Standard(rig.Clob);
        using var wallet = new TestWallet(rig.Clob);
        var venue = rig.Venue(wallet);
        var (order, intent) = wallet.Contract(market, TestWallet.Intent(market, Side.Buy, 0.45m, 10m));
        Assert.True((await venue.SubmitAsync(order, intent, TestWallet.StateOf(market), CancellationToken.None)).Accepted);

        var found = await ((IVenueOrderLookup)venue).FindAsync(order, intent, CancellationToken.None);

        Assert.NotNull(found);
        Assert.True(found.Accepted);
        Assert.Empty(found.Fills);
    }

    [Fact]
    public async Task a_filled_order_is_found_through_its_trades_with_their_latest_status()
    {
        await using var rig = await ClobRig.StartAsync();
        var market = TestMarkets.Standard(rig.Clob);
        using var wallet = new TestWallet(rig.Clob);
        var venue = rig.Venue(wallet);
        var (order, intent) = wallet.Contract(market, TestWallet.Intent(market, Side.Buy, 0.52m, 10m));
        var posted = await venue.SubmitAsync(order, intent, TestWallet.StateOf(market), CancellationToken.None);
        await rig.Clob.Sockets.PushesCompleted;

        var found = await ((IVenueOrderLookup)venue).FindAsync(order, intent, CancellationToken.None);

        var fill = Assert.Single(found!.Fills);
        Assert.Equal(Assert.Single(posted.Fills).FillId, fill.FillId);
        Assert.Equal((10m, 0.52m, FillStatus.Confirmed, intent.ClientOrderId), (fill.Size, fill.Price, fill.Status, fill.ClientOrderId));
    }

    [Fact]
    public async Task an_order_the_venue_never_received_is_not_found()
    {
        await using var rig = await ClobRig.StartAsync();
        var market = TestMarkets.Standard(rig.Clob);
        using var wallet = new TestWallet(rig.Clob);
        var (order, intent) = wallet.Contract(market, TestWallet.Intent(market, Side.Buy, 0.45m, 10m));

        var found = await ((IVenueOrderLookup)rig.Venue(wallet)).FindAsync(order, intent, CancellationToken.None);

        Assert.Null(found);
        Assert.Single(rig.Clob.State.RequestsTo("GET", $"/data/order/{order.OrderHash}"));
    }

    [Fact]
    public async Task an_unreachable_venue_throws_rather_than_answer_not_found()
    {
        await using var rig = await ClobRig.StartAsync(o => o.MaxGetRetries = 1);
        var market = TestMarkets.Standard(rig.Clob);
        using var wallet = new TestWallet(rig.Clob);
        var (order, intent) = wallet.Contract(market, TestWallet.Intent(market, Side.Buy, 0.45m, 10m));
        rig.Clob.State.Inject(new InjectedFailure { Method = "GET", Path = $"/data/order/{order.OrderHash}", Status = 503, Remaining = 5 });

        var failure = await Assert.ThrowsAsync<ClobApiException>(() => ((IVenueOrderLookup)rig.Venue(wallet)).FindAsync(order, intent, CancellationToken.None));

        Assert.Equal(ClobErrorKind.Unavailable, failure.Kind);
    }
}
