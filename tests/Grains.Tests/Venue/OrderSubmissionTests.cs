using Polytraders.Contracts;
using Polytraders.Venue.Tests.Support;

namespace Polytraders.Grains.Tests.Venue;

/// <summary>ClobVenue posting real signed orders to the fake CLOB.</summary>
public sealed class OrderSubmissionTests
{
    [Fact]
    public async Task a_signed_gtc_order_below_the_ask_is_accepted_and_rests_live()
    {
        await using var rig = await ClobRig.StartAsync();
        var market = TestMarkets.Standard(rig.Clob);
        using var wallet = new TestWallet(rig.Clob);
        var (order, intent) = wallet.Contract(market, TestWallet.Intent(market, Side.Buy, 0.50m, 10m));

        var answer = await rig.Venue(wallet).SubmitAsync(order, intent, TestWallet.StateOf(market), CancellationToken.None);

        Assert.True(answer.Accepted, answer.Detail);
        Assert.Empty(answer.Fills);
        var accepted = Assert.Single(rig.Clob.State.AcceptedOrders);
        Assert.Equal(("live", "GTC", false, 0UL), (accepted.Status, accepted.OrderType, accepted.PostOnly, accepted.Expiration));
        Assert.Equal(order.OrderHash, accepted.OrderHash, ignoreCase: true);
        Assert.True(rig.Submitted.TryGet(order.OrderHash, out var owner));
        Assert.Equal(intent.ClientOrderId, owner.ClientOrderId);
    }

    [Fact]
    public async Task a_marketable_buy_is_matched_into_a_fill_in_shares_and_pusd()
    {
        await using var rig = await ClobRig.StartAsync();
        var market = TestMarkets.Standard(rig.Clob);
        using var wallet = new TestWallet(rig.Clob, pusdBaseUnits: 100_000_000);
        var (order, intent) = wallet.Contract(market, TestWallet.Intent(market, Side.Buy, 0.52m, 10m));

        var answer = await rig.Venue(wallet).SubmitAsync(order, intent, TestWallet.StateOf(market), CancellationToken.None);

        Assert.True(answer.Accepted, answer.Detail);
        var fill = Assert.Single(answer.Fills);
        Assert.Equal((10m, 0.52m, 0m), (fill.Size, fill.Price, fill.Fee));
        Assert.Equal((FillStatus.Matched, FillVenue.Polymarket), (fill.Status, fill.Venue));
        Assert.Equal((intent.ClientOrderId, intent.PortfolioId, market.ConditionId, market.TokenId, Side.Buy), (fill.ClientOrderId, fill.PortfolioId, fill.MarketId, fill.TokenId, fill.Side));
        Assert.Equal(100_000_000 - 5_200_000, rig.Clob.State.PusdBalances[wallet.Signer.Address]);
    }

    [Fact]
    public async Task a_gtd_order_carries_its_expiration_to_the_venue()
    {
        await using var rig = await ClobRig.StartAsync();
        var market = TestMarkets.Standard(rig.Clob);
        using var wallet = new TestWallet(rig.Clob);
        var expiration = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();
        var (order, intent) = wallet.Contract(market, TestWallet.Intent(market, Side.Buy, 0.45m, 10m, TimeInForce.Gtd), expiration);

        var answer = await rig.Venue(wallet).SubmitAsync(order, intent, TestWallet.StateOf(market), CancellationToken.None);

        Assert.True(answer.Accepted, answer.Detail);
        var accepted = Assert.Single(rig.Clob.State.AcceptedOrders);
        Assert.Equal(("GTD", (ulong)expiration), (accepted.OrderType, accepted.Expiration));
    }

    [Fact]
    public async Task a_fok_that_cannot_fill_is_refused_with_the_venues_message()
    {
        await using var rig = await ClobRig.StartAsync();
        var market = TestMarkets.Standard(rig.Clob);
        using var wallet = new TestWallet(rig.Clob);
        var (order, intent) = wallet.Contract(market, TestWallet.Intent(market, Side.Buy, 0.50m, 10m, TimeInForce.Fok));

        var answer = await rig.Venue(wallet).SubmitAsync(order, intent, TestWallet.StateOf(market), CancellationToken.None);

        Assert.False(answer.Accepted);
        Assert.Equal(ReasonCodes.ExecOrderRejectedByVenue, answer.ReasonCode);
        Assert.Contains("FOK orders are fully filled or killed", answer.Detail);
    }

    [Fact]
    public async Task a_fak_that_matches_nothing_is_accepted_without_fills()
    {
        await using var rig = await ClobRig.StartAsync();
        var market = TestMarkets.Standard(rig.Clob);
        using var wallet = new TestWallet(rig.Clob);
        var (order, intent) = wallet.Contract(market, TestWallet.Intent(market, Side.Buy, 0.50m, 10m, TimeInForce.Fak));

        var answer = await rig.Venue(wallet).SubmitAsync(order, intent, TestWallet.StateOf(market), CancellationToken.None);

        Assert.True(answer.Accepted, answer.Detail);
        Assert.Empty(answer.Fills);
        Assert.Equal(("unmatched", "FAK"), (Assert.Single(rig.Clob.State.AcceptedOrders).Status, rig.Clob.State.AcceptedOrders.Single().OrderType));
    }
}
