using Orleans.Core.Internal;
using Polytraders.Contracts;
using Polytraders.Polymarket.Clob;
using Polytraders.Venue.Tests.Fake;
using Polytraders.Venue.Tests.Support;

namespace Polytraders.Grains.Tests.Venue;

/// <summary>
/// Issue 13's order lifecycle from the user channel to the Portfolio: a GTC bid approved by risk rests on the fake CLOB;
/// a trade that matched and then FAILED is taken back out of the Portfolio's book once, and a cancellation or a GTD
/// expiry closes the order and releases risk's reservation, each audited with its own code.
/// </summary>
public sealed class LifecycleTests
{
    [Fact]
    public async Task a_trade_that_fails_after_it_matched_is_taken_back_out_of_the_portfolio_once()
    {
        await using var silo = await ClobSilo.StartAsync(clob => TestMarkets.Standard(clob));
        var bid = await RestingBidAsync(silo);
        var opening = (await Risk(silo).GetHoldings()).Balance;
        var trade = await MatchedAsync(silo, bid);
        Assert.Equal(opening - 5m, (await Risk(silo).GetHoldings()).Balance);

        await PushTradeAsync(silo, trade, "FAILED");
        await UntilAsync(async () => (await PositionAsync(silo))?.Size == 0m, "the FAILED fill reversed");

        var position = (await PositionAsync(silo))!;
        Assert.Equal((0m, 0m, 0m), (position.Size, position.CostBasis, position.RealisedPnl));
        Assert.Equal(opening, (await Risk(silo).GetHoldings()).Balance);
        var trail = await TrailAsync(silo, bid.Context, ReasonCodes.ExecFillReversed);
        var reversed = Assert.Single(trail, e => e.ReasonCode == ReasonCodes.ExecFillReversed).Payload.Fill!;
        Assert.Equal(($"{trade.Id}:{bid.Resting.OrderHash}", FillStatus.Failed, 10m), (reversed.FillId, reversed.Status, reversed.Size));
        Assert.Single(trail, e => e.ReasonCode == ReasonCodes.ExecFillFailed);
        await UntilAsync(async () => (await Risk(silo).GetOpenOrders()).Count == 0, "the order released again after its reversal");

        // The FAILED again on the feed, handed over again, and after the order grain's restart: reversed once.
        await PushTradeAsync(silo, trade, "FAILED");
        Assert.True(await Order(silo, bid).OnVenueFill(reversed));
        await Order(silo, bid).AsReference<IGrainManagementExtension>().DeactivateOnIdle();
        Assert.True(await Order(silo, bid).OnVenueFill(reversed));
        await PushTradeAsync(silo, trade, "FAILED");
        Assert.Equal(opening, (await Risk(silo).GetHoldings()).Balance);
        Assert.Single(await TrailAsync(silo, bid.Context, ReasonCodes.ExecFillReversed), e => e.ReasonCode == ReasonCodes.ExecFillReversed);
        Assert.Equal(0m, (await PositionAsync(silo))!.Size);
    }

    [Fact]
    public async Task a_reversal_risk_already_applied_when_it_is_delivered_again_is_applied_once()
    {
        await using var silo = await ClobSilo.StartAsync(clob => TestMarkets.Standard(clob));
        var bid = await RestingBidAsync(silo);
        var opening = (await Risk(silo).GetHoldings()).Balance;
        var trade = await MatchedAsync(silo, bid);
        var trail = await TrailAsync(silo, bid.Context, ReasonCodes.ExecOrderFilled);
        var failed = Assert.Single(trail, e => e.ReasonCode == ReasonCodes.ExecOrderFilled).Payload.Fill! with { Status = FillStatus.Failed };

        // As if the order grain's first delivery reached risk and its silo died before the delivery was written.
        await Risk(silo).OnFillReversed(failed);
        Assert.Equal(opening, (await Risk(silo).GetHoldings()).Balance);
        await PushTradeAsync(silo, trade, "FAILED");
        await TrailAsync(silo, bid.Context, ReasonCodes.ExecFillReversed);
        await UntilAsync(async () => (await Risk(silo).GetOpenOrders()).Count == 0, "the order released after its reversal");

        Assert.Equal(opening, (await Risk(silo).GetHoldings()).Balance);
        Assert.Equal(0m, (await PositionAsync(silo))!.Size);
    }

    [Fact]
    public async Task a_trade_that_fails_before_it_was_booked_is_audited_and_books_nothing()
    {
        await using var silo = await ClobSilo.StartAsync(clob => TestMarkets.Standard(clob));
        var bid = await RestingBidAsync(silo);
        var opening = (await Risk(silo).GetHoldings()).Balance;
        var trade = TradeOn(silo, bid);

        await PushTradeAsync(silo, trade, "FAILED");

        var trail = await TrailAsync(silo, bid.Context, ReasonCodes.ExecFillFailed);
        Assert.DoesNotContain(trail, e => e.ReasonCode is ReasonCodes.ExecFillReversed or ReasonCodes.ExecOrderFilled);
        Assert.Null(await PositionAsync(silo));
        Assert.Equal(opening, (await Risk(silo).GetHoldings()).Balance);
        Assert.Contains(bid.Intent.ClientOrderId, await Risk(silo).GetOpenOrders());
    }

    [Theory]
    [InlineData(false, ReasonCodes.ExecOrderCancelled)]
    [InlineData(true, ReasonCodes.ExecOrderExpired)]
    public async Task a_cancellation_or_expiry_on_the_user_feed_closes_the_order_and_releases_its_reservation(bool expiry, string code)
    {
        await using var silo = await ClobSilo.StartAsync(clob => TestMarkets.Standard(clob));
        var bid = await RestingBidAsync(silo);
        Assert.Contains(bid.Intent.ClientOrderId, await Risk(silo).GetOpenOrders());

        // A GTD order leaves the book a minute before the expiration it was posted with (the venue's security threshold).
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        silo.Clob.State.OpenOrders.TryRemove(bid.Resting.OrderHash, out _);
        var frame = FakeSockets.OrderFrame(silo.Account.ApiKey, bid.Resting, silo.Market.ConditionId, "CANCELLATION", now, expiration: expiry ? now + 30 : 0);
        await silo.Clob.Sockets.PushUserAsync(silo.Account.ApiKey, frame);

        await UntilAsync(async () => (await Risk(silo).GetOpenOrders()).Count == 0, "the reservation released");
        var trail = await TrailAsync(silo, bid.Context, code);
        Assert.Equal(bid.Resting.OrderHash, Assert.Single(trail, e => e.ReasonCode == code).Payload.Order!.OrderHash);
        Assert.DoesNotContain(trail, e => e.ReasonCode == (expiry ? ReasonCodes.ExecOrderCancelled : ReasonCodes.ExecOrderExpired));
        Assert.Null(await PositionAsync(silo));

        // Delivered again: the order is closed already, and nothing is audited twice.
        await silo.Clob.Sockets.PushUserAsync(silo.Account.ApiKey, frame);
        Assert.True(await Order(silo, bid).OnVenueOrderClosed(code, "again"));
        Assert.Single(await TrailAsync(silo, bid.Context, code), e => e.ReasonCode == code);
    }

    [Fact]
    public async Task a_restart_closes_an_open_order_the_venue_no_longer_lists_and_keeps_one_it_still_lists()
    {
        await using var silo = await ClobSilo.StartAsync(clob => TestMarkets.Standard(clob));
        var gone = await RestingBidAsync(silo);
        var kept = await RestingBidAsync(silo);

        // Cancelled on the venue while no silo heard it: no frame, only its absence from GET /data/orders.
        silo.Clob.State.OpenOrders.TryRemove(gone.Resting.OrderHash, out _);
        await Order(silo, gone).AsReference<IGrainManagementExtension>().DeactivateOnIdle();
        await Order(silo, kept).AsReference<IGrainManagementExtension>().DeactivateOnIdle();
        await Risk(silo).AsReference<IGrainManagementExtension>().DeactivateOnIdle();
        await Risk(silo).GetHoldings();

        await UntilAsync(async () => !(await Risk(silo).GetOpenOrders()).Contains(gone.Intent.ClientOrderId), "the order the venue no longer lists released");
        var trail = await TrailAsync(silo, gone.Context, ReasonCodes.ExecOrderCancelled);
        Assert.Contains("no longer lists", Assert.Single(trail, e => e.ReasonCode == ReasonCodes.ExecOrderCancelled).Payload.Detail, StringComparison.Ordinal);
        Assert.NotEmpty(silo.Clob.State.RequestsTo("GET", "/data/orders"));
        Assert.NotEmpty(silo.Clob.State.RequestsTo("GET", $"/data/order/{gone.Resting.OrderHash}"));

        Assert.Contains(kept.Intent.ClientOrderId, await Risk(silo).GetOpenOrders());
        Assert.Empty(silo.Clob.State.RequestsTo("GET", $"/data/order/{kept.Resting.OrderHash}"));
        Assert.DoesNotContain((await TrailAsync(silo, kept.Context, ReasonCodes.ExecOrderSigned)), e => e.ReasonCode is ReasonCodes.ExecOrderCancelled or ReasonCodes.ExecOrderExpired);
    }

    private static IRiskGrain Risk(ClobSilo silo) => silo.Grains.GetGrain<IRiskGrain>(silo.Portfolio.PortfolioId);

    private static IOrderGrain Order(ClobSilo silo, RestingBid bid) => silo.Grains.GetGrain<IOrderGrain>(bid.Intent.ClientOrderId);

    /// <summary>A GTC bid of 10 at 0.50, under the fake's best ask: risk approves it against a fresh price, the fake rests it.</summary>
    private static async Task<RestingBid> RestingBidAsync(ClobSilo silo)
    {
        var config = silo.Portfolio;
        var context = new AuditContext(config.TenantId, config.PortfolioId, "lifecycle-strategy", $"LCH-{Guid.NewGuid():N}", AuditEnvelopeMode.Paper, config.BuilderCode);
        var intent = TestWallet.Intent(silo.Market, Side.Buy, 0.50m, 10m) with { PortfolioId = config.PortfolioId, StrategyId = "lifecycle-strategy", LaunchId = context.LaunchId! };
        await silo.Grains.GetGrain<IMarketGrain>(silo.Market.ConditionId).Publish(new PriceUpdate
        {
            MarketId = silo.Market.ConditionId,
            TokenId = silo.Market.TokenId,
            Price = 0.50m,
            Timestamp = intent.CreatedAt,
            Sequence = intent.CreatedAt.ToUnixTimeMilliseconds(),
            Source = PriceUpdateSource.Replay,
        });
        await Risk(silo).Submit(intent, context);
        var signed = (await TrailAsync(silo, context, ReasonCodes.ExecOrderSubmitted)).Single(e => e.ReasonCode == ReasonCodes.ExecOrderSigned).Payload.Order!;
        var resting = silo.Clob.State.OpenOrders[signed.OrderHash];
        return new RestingBid(intent, context, resting);
    }

    private static FakeTrade TradeOn(ClobSilo silo, RestingBid bid) =>
        new() { Id = Guid.NewGuid().ToString(), Order = bid.Resting, ConditionId = silo.Market.ConditionId, MatchTime = DateTimeOffset.UtcNow.ToUnixTimeSeconds() };

    /// <summary>Someone sells into the whole bid: its MATCHED trade on the user channel, booked into the Portfolio.</summary>
    private static async Task<FakeTrade> MatchedAsync(ClobSilo silo, RestingBid bid)
    {
        var trade = TradeOn(silo, bid);
        await PushTradeAsync(silo, trade, "MATCHED");
        await UntilAsync(async () => (await PositionAsync(silo))?.Size == 10m, "the MATCHED fill booked");
        return trade;
    }

    private static async Task PushTradeAsync(ClobSilo silo, FakeTrade trade, string status)
    {
        trade.Status = status;
        await silo.Clob.Sockets.PushUserAsync(silo.Account.ApiKey, FakeSockets.TradeFrame(silo.Account.ApiKey, trade, status));
    }

    private static async Task<Position?> PositionAsync(ClobSilo silo) =>
        (await silo.Grains.GetGrain<IPortfolioGrain>(silo.Portfolio.PortfolioId).GetState())!.Positions.SingleOrDefault(p => p.TokenId == silo.Market.TokenId);

    /// <summary>The launch's trail once it holds <paramref name="code"/>.</summary>
    private static Task<List<AuditEnvelope>> TrailAsync(ClobSilo silo, AuditContext context, string code)
    {
        List<AuditEnvelope> seen = [];
        return Eventually.FoundAsync(
            async () =>
            {
                seen = (await silo.Grains.GetGrain<IAuditQueryGrain>(0).Query(new AuditQuery { PortfolioId = context.PortfolioId, LaunchId = context.LaunchId })).Items;
                return seen.Any(e => e.ReasonCode == code) ? seen : null;
            },
            () => $"{code} in {string.Join(", ", seen.Select(e => e.ReasonCode))}");
    }

    private static Task UntilAsync(Func<Task<bool>> condition, string what) =>
        Eventually.FoundAsync(async () => await condition() ? what : null, () => what);

    private sealed record RestingBid(OrderIntent Intent, AuditContext Context, AcceptedOrder Resting);
}
