using Polytraders.Contracts;
using Polytraders.Venue.Tests.Fake;
using Polytraders.Venue.Tests.Support;

namespace Polytraders.Grains.Tests.Venue;

/// <summary>
/// Issue 7 end to end: the embedded silo configuration with the CLOB venue (AddPolymarketClob) pointed at the fake.
/// The execution grain signs, the fake recovers the signer and rests the order, a trade arrives on the user websocket,
/// the user feed pump hands it to the order grain, and the Portfolio and the audit trail show it once.
/// </summary>
public sealed class EndToEndTests
{
    [Fact]
    public async Task a_resting_order_filled_on_the_user_feed_reaches_the_portfolio_and_the_audit_trail_once()
    {
        await using var silo = await ClobSilo.StartAsync(clob => TestMarkets.Standard(clob));
        var (clob, market, account, grains, config) = (silo.Clob, silo.Market, silo.Account, silo.Grains, silo.Portfolio);

        // A GTC bid under the best ask (0.52): the fake recovers the signer, accepts it and rests it ("live").
        var context = new AuditContext(config.TenantId, config.PortfolioId, "e2e-strategy", $"LCH-{Guid.NewGuid():N}", AuditEnvelopeMode.Paper, config.BuilderCode);
        var intent = TestWallet.Intent(market, Side.Buy, 0.50m, 10m) with { PortfolioId = config.PortfolioId, StrategyId = "e2e-strategy", LaunchId = context.LaunchId! };
        var order = grains.GetGrain<IOrderGrain>(intent.ClientOrderId);
        var result = await order.Place(intent, context);

        Assert.True(result.Succeeded, result.Detail);
        await Eventually.TrueAsync(() => !clob.State.AcceptedOrders.IsEmpty, "the order posted to the fake");
        var resting = Assert.Single(clob.State.AcceptedOrders);
        Assert.Equal(("live", "GTC", result.Id), (resting.Status, resting.OrderType, resting.OrderHash));
        Assert.Null((await grains.GetGrain<IPortfolioGrain>(config.PortfolioId).GetState())!.Positions.SingleOrDefault(p => p.TokenId == market.TokenId));

        // Someone sells into the bid: the trade goes through MATCHED → MINED → CONFIRMED on the user channel.
        clob.State.OpenOrders.TryRemove(resting.OrderHash, out _);
        var trade = new FakeTrade { Id = Guid.NewGuid().ToString(), Order = resting, ConditionId = market.ConditionId, MatchTime = DateTimeOffset.UtcNow.ToUnixTimeSeconds() };
        clob.State.Trades.Enqueue(trade);
        clob.Sockets.PushTradeLifecycle(account.ApiKey, trade);

        var position = await Eventually.FoundAsync(async () =>
            (await grains.GetGrain<IPortfolioGrain>(config.PortfolioId).GetState())!.Positions.SingleOrDefault(p => p.TokenId == market.TokenId));
        Assert.Equal(10m, position.Size);
        var trail = await Eventually.FoundAsync(async () =>
        {
            var page = await grains.GetGrain<IAuditQueryGrain>(0).Query(new AuditQuery { PortfolioId = config.PortfolioId, LaunchId = context.LaunchId });
            return page.Items.Any(e => e.ReasonCode == ReasonCodes.ExecFillConfirmed) ? page.Items : null;
        });

        var signed = Assert.Single(trail, e => e.ReasonCode == ReasonCodes.ExecOrderSigned).Payload.Order!;
        Assert.Equal(silo.Signer.ToString(), signed.Signer);
        Assert.Equal(resting.OrderHash, signed.OrderHash);
        var fill = Assert.Single(trail, e => e.ReasonCode == ReasonCodes.ExecOrderFilled).Payload.Fill!;
        Assert.Equal((FillVenue.Polymarket, FillStatus.Matched, 10m, 0.50m, intent.ClientOrderId), (fill.Venue, fill.Status, fill.Size, fill.Price, fill.ClientOrderId));
        Assert.Equal($"{trade.Id}:{resting.OrderHash}", fill.FillId);
        Assert.Single(trail, e => e.ReasonCode == ReasonCodes.ExecFillMined);
        Assert.Single(trail, e => e.ReasonCode == ReasonCodes.ExecFillConfirmed);
        Assert.DoesNotContain(trail, e => e.ReasonCode == ReasonCodes.ExecOrderUnfilled);
        var codes = trail.Select(e => e.ReasonCode).ToList();
        Assert.True(codes.IndexOf(ReasonCodes.ExecOrderSigned) < codes.IndexOf(ReasonCodes.ExecOrderSubmitted), string.Join(", ", codes));
        Assert.True(codes.IndexOf(ReasonCodes.ExecOrderSubmitted) < codes.IndexOf(ReasonCodes.ExecOrderFilled), string.Join(", ", codes));

        // The same trade again on the feed books nothing twice.
        await clob.Sockets.PushUserAsync(account.ApiKey, FakeSockets.TradeFrame(account.ApiKey, trade, "MATCHED"));
        Assert.True(await order.OnVenueFill(fill));
        await Task.Delay(300);
        Assert.Equal(10m, (await grains.GetGrain<IPortfolioGrain>(config.PortfolioId).GetState())!.Positions.Single(p => p.TokenId == market.TokenId).Size);
    }

    /// <summary>
    /// The whole path from a price to a venue fill: a momentum Strategy on the fake's market sees prices rise, enters
    /// with a FAK BUY at the last price, risk approves it, execution signs it and posts it to the fake, which recovers
    /// the signer and matches it against its asks; the fill (in the POST answer or on the user feed) reaches the
    /// Portfolio once.
    /// </summary>
    [Fact]
    public async Task a_momentum_entry_goes_from_the_strategy_through_risk_and_execution_to_a_fill_on_the_fake_clob()
    {
        await using var silo = await ClobSilo.StartAsync(MomentumEntry.DeepAsks);
        var (clob, market, grains, config) = (silo.Clob, silo.Market, silo.Grains, silo.Portfolio);

        var launched = await grains.GetGrain<IPortfolioGrain>(config.PortfolioId).Launch(MomentumEntry.Launch(silo), "alice");
        Assert.True(launched.Succeeded, launched.Detail);
        await MomentumEntry.PublishUntilEnteredAsync(silo);

        var trail = await MomentumEntry.TrailWithAsync(silo, ReasonCodes.ExecOrderFilled);
        var position = await Eventually.FoundAsync(async () =>
            (await grains.GetGrain<IPortfolioGrain>(config.PortfolioId).GetState())!.Positions.SingleOrDefault(p => p.TokenId == market.TokenId));

        var codes = trail.Select(e => e.ReasonCode).ToList();
        var entry = Assert.Single(trail, e => e.ReasonCode == ReasonCodes.StratMomentumLong).Payload.Intent!;
        Assert.Equal((Side.Buy, TimeInForce.Fak, market.TokenId), (entry.Side, entry.TimeInForce, entry.TokenId));
        var risk = trail.ToList().FindIndex(e => e.Payload.Kind is AuditPayloadKind.RiskApproved or AuditPayloadKind.RiskReshaped);
        Assert.True(risk > codes.IndexOf(ReasonCodes.StratMomentumLong), string.Join(", ", codes));
        var signed = Assert.Single(trail, e => e.ReasonCode == ReasonCodes.ExecOrderSigned).Payload.Order!;
        Assert.Equal(silo.Signer.ToString(), signed.Signer);
        var accepted = Assert.Single(clob.State.AcceptedOrders);
        Assert.Equal(("matched", "FAK", signed.OrderHash), (accepted.Status, accepted.OrderType, accepted.OrderHash));
        Assert.True(risk < codes.IndexOf(ReasonCodes.ExecOrderSigned) && codes.IndexOf(ReasonCodes.ExecOrderSigned) < codes.IndexOf(ReasonCodes.ExecOrderFilled), string.Join(", ", codes));
        var fills = trail.Where(e => e.ReasonCode == ReasonCodes.ExecOrderFilled).Select(e => e.Payload.Fill!).ToList();
        Assert.All(fills, f => Assert.Equal((FillVenue.Polymarket, entry.ClientOrderId), (f.Venue, f.ClientOrderId)));
        Assert.Equal(accepted.Shares, fills.Sum(f => f.Size));
        Assert.Equal(accepted.Shares, position.Size);
        Assert.DoesNotContain(trail, e => e.ReasonCode == ReasonCodes.ExecOrderUnfilled);

        // Whichever way the fill came first, the other (the user feed's trade frames) books nothing twice.
        await Task.Delay(300);
        Assert.Equal(accepted.Shares, (await grains.GetGrain<IPortfolioGrain>(config.PortfolioId).GetState())!.Positions.Single(p => p.TokenId == market.TokenId).Size);
    }
}
