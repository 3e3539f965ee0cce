using Polytraders.Contracts;
using Polytraders.Polymarket.Clob;
using Polytraders.Venue.Tests.Fake;
using Polytraders.Venue.Tests.Support;

namespace Polytraders.Grains.Tests.Venue;

/// <summary>
/// The user feed pump back-fills a reconnect's gap from GET /data/trades: trades on our orders the socket missed reach
/// execution once, through the same hand-over as the socket's, and a venue that fails the back-fill stops nothing: the
/// pump owes that back-fill and retries it on its own timer and from the next gap.
/// </summary>
public sealed class UserFeedGapTests
{
    private const string BackFilled = "fills of our orders handed to execution";

    private const string BackFillFailed = "CLOB user feed back-fill since";

    private const string PumpGap = "back-filling our orders' trades since then";

    /// <summary>Longer than any test: the owed back-fill is retried only by a gap.</summary>
    private const string NoTimedRetry = "01:00:00";

    [Fact]
    public async Task a_trade_on_our_order_while_the_socket_is_down_is_back_filled_once_and_someone_elses_is_not()
    {
        await using var silo = await ClobSilo.StartAsync(clob => TestMarkets.Standard(clob));
        var (intent, resting, launchId) = await RestAsync(silo);

        // Keep the user channel down while the order trades.
        var refused = await DropUserChannelAsync(silo);
        var ours = Trade(silo, resting, "CONFIRMED");
        Trade(silo, resting with { OrderHash = "0x" + new string('f', 64) }, "CONFIRMED");
        refused.Remaining = 0;

        var position = await Eventually.FoundAsync(() => PositionAsync(silo));
        await Eventually.TrueAsync(() => silo.Logs.Lines.Any(l => l.Contains(BackFilled, StringComparison.Ordinal)), "the back-fill finished");

        Assert.Equal(10m, position.Size);
        var trail = await TrailAsync(silo, launchId);
        var fill = Assert.Single(trail, e => e.ReasonCode == ReasonCodes.ExecOrderFilled).Payload.Fill!;
        Assert.Equal(($"{ours.Id}:{resting.OrderHash}", 10m, 0.50m, FillStatus.Confirmed, intent.ClientOrderId), (fill.FillId, fill.Size, fill.Price, fill.Status, fill.ClientOrderId));
        // Both trades came back from the venue; only ours was handed over, and nothing was refused as unknown.
        Assert.Contains(silo.Logs.Lines, l => l.Contains(BackFilled, StringComparison.Ordinal) && l.Contains("Fills=1", StringComparison.Ordinal));
        Assert.DoesNotContain(silo.Logs.Lines, l => l.Contains("which execution does not hold", StringComparison.Ordinal));
        Assert.Contains(silo.Clob.State.RequestsTo("GET", "/data/trades"), r => r.Status == 200 && !r.Query.Contains("asset_id", StringComparison.Ordinal));
    }

    [Fact]
    public async Task a_trade_the_socket_delivered_before_the_gap_is_not_booked_again_by_the_back_fill()
    {
        await using var silo = await ClobSilo.StartAsync(clob => TestMarkets.Standard(clob));
        var (_, resting, launchId) = await RestAsync(silo);
        var trade = Trade(silo, resting, "MATCHED");
        silo.Clob.Sockets.PushTradeLifecycle(silo.Account.ApiKey, trade);
        await Eventually.FoundAsync(async () => (await TrailAsync(silo, launchId)).Any(e => e.ReasonCode == ReasonCodes.ExecFillConfirmed) ? trade : null);

        silo.Clob.Sockets.DropAll();
        await Eventually.TrueAsync(() => silo.Logs.Lines.Any(l => l.Contains(BackFilled, StringComparison.Ordinal)), "the back-fill finished", TimeSpan.FromSeconds(15));

        // The back-fill handed the confirmed trade over again; execution kept the one it had.
        Assert.Contains(silo.Logs.Lines, l => l.Contains(BackFilled, StringComparison.Ordinal) && l.Contains("Fills=1", StringComparison.Ordinal));
        Assert.Equal(10m, (await PositionAsync(silo))!.Size);
        var trail = await TrailAsync(silo, launchId);
        Assert.Single(trail, e => e.ReasonCode == ReasonCodes.ExecOrderFilled);
        Assert.Single(trail, e => e.ReasonCode == ReasonCodes.ExecFillConfirmed);
    }

    [Fact]
    public async Task a_venue_failing_the_back_fill_is_logged_and_the_pump_keeps_delivering_the_socket()
    {
        await using var silo = await ClobSilo.StartAsync(clob => TestMarkets.Standard(clob), new Dictionary<string, string?> { ["Clob:MaxGetRetries"] = "1", ["Clob:UserBackFillRetryInterval"] = NoTimedRetry });
        var (_, resting, launchId) = await RestAsync(silo);
        silo.Clob.State.Inject(new InjectedFailure { Method = "GET", Path = "/data/trades", Status = 500, Remaining = 2 });

        silo.Clob.Sockets.DropAll();
        await Eventually.TrueAsync(() => silo.Logs.Lines.Any(l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains(BackFillFailed, StringComparison.Ordinal) && l.Contains("(market all) failed", StringComparison.Ordinal)), "the failed back-fill logged", TimeSpan.FromSeconds(15));
        var trade = Trade(silo, resting, "MATCHED");
        silo.Clob.Sockets.PushTradeLifecycle(silo.Account.ApiKey, trade);

        var position = await Eventually.FoundAsync(() => PositionAsync(silo));
        Assert.Equal(10m, position.Size);
        Assert.Single(await TrailAsync(silo, launchId), e => e.ReasonCode == ReasonCodes.ExecOrderFilled);
        Assert.Equal([500, 500], silo.Clob.State.RequestsTo("GET", "/data/trades").Select(r => r.Status));
    }

    [Fact]
    public async Task a_back_fill_the_venue_failed_is_retried_without_another_gap_and_books_the_missed_trade_once()
    {
        await using var silo = await ClobSilo.StartAsync(clob => TestMarkets.Standard(clob), new Dictionary<string, string?> { ["Clob:MaxGetRetries"] = "1", ["Clob:UserBackFillRetryInterval"] = "00:00:00.200" });
        var (intent, resting, launchId) = await RestAsync(silo);

        // The order trades while the user channel is down; the gap's back-fill (two attempts) is then refused.
        var refused = await DropUserChannelAsync(silo);
        var ours = Trade(silo, resting, "CONFIRMED");
        silo.Clob.State.Inject(new InjectedFailure { Method = "GET", Path = "/data/trades", Status = 500, Remaining = 2 });
        refused.Remaining = 0;

        var position = await Eventually.FoundAsync(() => PositionAsync(silo));
        await Eventually.TrueAsync(() => silo.Logs.Lines.Any(l => l.Contains(BackFilled, StringComparison.Ordinal) && l.Contains("Fills=1", StringComparison.Ordinal)), "the owed back-fill finished");

        Assert.Equal(10m, position.Size);
        var fill = Assert.Single(await TrailAsync(silo, launchId), e => e.ReasonCode == ReasonCodes.ExecOrderFilled).Payload.Fill!;
        Assert.Equal(($"{ours.Id}:{resting.OrderHash}", intent.ClientOrderId), (fill.FillId, fill.ClientOrderId));
        // One gap; its back-fill failed twice over and the timed retry fetched the same window again.
        Assert.Single(silo.Logs.Lines, l => l.Contains(PumpGap, StringComparison.Ordinal));
        var trades = silo.Clob.State.RequestsTo("GET", "/data/trades");
        Assert.Equal([500, 500, 200], trades.Take(3).Select(r => r.Status));
        Assert.Single(trades.Take(3).Select(r => r.Query).Distinct());
        Assert.Contains(silo.Logs.Lines, l => l.Contains("retrying the owed back-fill", StringComparison.Ordinal));
    }

    [Fact]
    public async Task a_later_gaps_back_fill_reaches_back_over_the_hole_an_owed_one_left()
    {
        await using var silo = await ClobSilo.StartAsync(clob => TestMarkets.Standard(clob), new Dictionary<string, string?> { ["Clob:MaxGetRetries"] = "1", ["Clob:UserBackFillRetryInterval"] = NoTimedRetry });
        var (_, resting, launchId) = await RestAsync(silo);
        silo.Clob.State.Inject(new InjectedFailure { Method = "GET", Path = "/data/trades", Status = 500, Remaining = 2 });
        silo.Clob.Sockets.DropAll();
        await Eventually.TrueAsync(() => silo.Logs.Lines.Any(l => l.Contains(BackFillFailed, StringComparison.Ordinal) && l.Contains("(market all) failed", StringComparison.Ordinal)), "the first back-fill failed", TimeSpan.FromSeconds(15));
        var owedAfter = AfterOf(silo.Clob.State.RequestsTo("GET", "/data/trades")[0]);

        // The venue stamps the trade at the very start of the first gap's window: inside the hole the pump owes, but
        // before the own window (LostAt less the margin, whole seconds) of a second gap lost a second or more later.
        var trade = Trade(silo, resting, "CONFIRMED", matchTime: owedAfter);
        var margin = (long)AccountTrades.Margin.TotalSeconds;
        await Eventually.TrueAsync(() => DateTimeOffset.UtcNow.ToUnixTimeSeconds() >= owedAfter + margin + 1, "the second gap's own window past the trade");
        silo.Clob.Sockets.DropAll();

        var position = await Eventually.FoundAsync(() => PositionAsync(silo));
        await Eventually.TrueAsync(() => silo.Logs.Lines.Any(l => l.Contains(BackFilled, StringComparison.Ordinal) && l.Contains("Fills=1", StringComparison.Ordinal)), "the second back-fill finished");

        Assert.Equal(10m, position.Size);
        var fill = Assert.Single(await TrailAsync(silo, launchId), e => e.ReasonCode == ReasonCodes.ExecOrderFilled).Payload.Fill!;
        Assert.Equal($"{trade.Id}:{resting.OrderHash}", fill.FillId);
        Assert.Equal(2, silo.Logs.Lines.Count(l => l.Contains(PumpGap, StringComparison.Ordinal)));
        var trades = silo.Clob.State.RequestsTo("GET", "/data/trades");
        Assert.Equal([500, 500, 200], trades.Select(r => r.Status));
        Assert.Equal(owedAfter, AfterOf(trades[2]));

        // That back-fill settled what was owed: a third gap fetches only its own window.
        silo.Clob.Sockets.DropAll();
        await Eventually.TrueAsync(() => silo.Clob.State.RequestsTo("GET", "/data/trades").Count == 4, "the third gap's back-fill", TimeSpan.FromSeconds(15));
        Assert.True(AfterOf(silo.Clob.State.RequestsTo("GET", "/data/trades")[3]) > owedAfter);
    }

    /// <summary>
    /// Drops the user channel and refuses its reconnects until the returned failure's Remaining is set to 0; returns
    /// once a reconnect has been refused, so the gap is open.
    /// </summary>
    private static async Task<InjectedFailure> DropUserChannelAsync(ClobSilo silo)
    {
        var refused = new InjectedFailure { Method = "GET", Path = "/ws/user", Status = 503, Remaining = int.MaxValue };
        silo.Clob.State.Inject(refused);
        silo.Clob.Sockets.DropAll();
        await Eventually.TrueAsync(() => silo.Clob.State.RequestsTo("GET", "/ws/user").Any(r => r.Status == 503), "a reconnect refused", TimeSpan.FromSeconds(15));
        return refused;
    }

    /// <summary>A GTC bid of 10 at 0.50, under the best ask: accepted and resting on the fake.</summary>
    private static async Task<(OrderIntent Intent, AcceptedOrder Resting, string LaunchId)> RestAsync(ClobSilo silo)
    {
        var config = silo.Portfolio;
        var context = new AuditContext(config.TenantId, config.PortfolioId, "gap-strategy", $"LCH-{Guid.NewGuid():N}", AuditEnvelopeMode.Paper, config.BuilderCode);
        var intent = TestWallet.Intent(silo.Market, Side.Buy, 0.50m, 10m) with { PortfolioId = config.PortfolioId, StrategyId = "gap-strategy", LaunchId = context.LaunchId! };
        var result = await silo.Grains.GetGrain<IOrderGrain>(intent.ClientOrderId).Place(intent, context);
        Assert.True(result.Succeeded, result.Detail);
        await Eventually.TrueAsync(() => !silo.Clob.State.AcceptedOrders.IsEmpty, "the order posted to the fake");
        return (intent, Assert.Single(silo.Clob.State.AcceptedOrders), context.LaunchId!);
    }

    /// <summary>
    /// Someone sells into <paramref name="order"/>: the fake records the trade at <paramref name="status"/> (matched now,
    /// or at <paramref name="matchTime"/> Unix seconds), pushing nothing.
    /// </summary>
    private static FakeTrade Trade(ClobSilo silo, AcceptedOrder order, string status, long? matchTime = null)
    {
        silo.Clob.State.OpenOrders.TryRemove(order.OrderHash, out _);
        var trade = new FakeTrade { Id = Guid.NewGuid().ToString(), Order = order, ConditionId = silo.Market.ConditionId, MatchTime = matchTime ?? DateTimeOffset.UtcNow.ToUnixTimeSeconds(), Status = status };
        silo.Clob.State.Trades.Enqueue(trade);
        return trade;
    }

    /// <summary>The "after" (Unix seconds) a GET /data/trades asked for.</summary>
    private static long AfterOf(RecordedRequest request) =>
        long.Parse(System.Web.HttpUtility.ParseQueryString(request.Query)["after"]!, System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<Position?> PositionAsync(ClobSilo silo) =>
        (await silo.Grains.GetGrain<IPortfolioGrain>(silo.Portfolio.PortfolioId).GetState())!.Positions.SingleOrDefault(p => p.TokenId == silo.Market.TokenId);

    private static async Task<List<AuditEnvelope>> TrailAsync(ClobSilo silo, string launchId) =>
        (await silo.Grains.GetGrain<IAuditQueryGrain>(0).Query(new AuditQuery { PortfolioId = silo.Portfolio.PortfolioId, LaunchId = launchId })).Items;
}
