using Polytraders.Contracts;
using Polytraders.Grains;
using Polytraders.Venue.Tests.Fake;
using Polytraders.Venue.Tests.Support;

namespace Polytraders.Venue.Tests;

/// <summary>
/// The user feed pump back-fills a reconnect's gap from GET /data/trades: trades on our orders the socket missed reach
/// execution once, through the same hand-over as the socket's, and a venue that fails the back-fill stops nothing.
/// </summary>
public sealed class UserFeedGapTests
{
    private const string BackFilled = "fills of our orders handed to execution";

    private const string BackFillFailed = "CLOB user feed back-fill since";

    [Fact]
    public async Task a_trade_on_our_order_while_the_socket_is_down_is_back_filled_once_and_someone_elses_is_not()
    {
        await using var silo = await ClobSilo.StartAsync(clob => Markets.Standard(clob));
        var (intent, resting, launchId) = await RestAsync(silo);

        // Keep the user channel down (its reconnects refused) while the order trades.
        var refused = new InjectedFailure { Method = "GET", Path = "/ws/user", Status = 503, Remaining = int.MaxValue };
        silo.Clob.State.Inject(refused);
        silo.Clob.Sockets.DropAll();
        await Eventually.TrueAsync(() => silo.Clob.State.RequestsTo("GET", "/ws/user").Any(r => r.Status == 503), "a reconnect refused", TimeSpan.FromSeconds(15));
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
        await using var silo = await ClobSilo.StartAsync(clob => Markets.Standard(clob));
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
        await using var silo = await ClobSilo.StartAsync(clob => Markets.Standard(clob), new Dictionary<string, string?> { ["Clob:MaxGetRetries"] = "1" });
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

    /// <summary>A GTC bid of 10 at 0.50, under the best ask: accepted and resting on the fake.</summary>
    private static async Task<(OrderIntent Intent, AcceptedOrder Resting, string LaunchId)> RestAsync(ClobSilo silo)
    {
        var config = silo.Portfolio;
        var context = new AuditContext(config.TenantId, config.PortfolioId, "gap-strategy", $"LCH-{Guid.NewGuid():N}", AuditEnvelopeMode.Paper, config.BuilderCode);
        var intent = TestWallet.Intent(silo.Market, Side.Buy, 0.50m, 10m) with { PortfolioId = config.PortfolioId, StrategyId = "gap-strategy", LaunchId = context.LaunchId! };
        var result = await silo.Grains.GetGrain<IExecutionGrain>(IExecutionGrain.Key).Execute(intent, context);
        Assert.True(result.Succeeded, result.Detail);
        return (intent, Assert.Single(silo.Clob.State.AcceptedOrders), context.LaunchId!);
    }

    /// <summary>Someone sells into <paramref name="order"/>: the fake records the trade at <paramref name="status"/>, pushing nothing.</summary>
    private static FakeTrade Trade(ClobSilo silo, AcceptedOrder order, string status)
    {
        silo.Clob.State.OpenOrders.TryRemove(order.OrderHash, out _);
        var trade = new FakeTrade { Id = Guid.NewGuid().ToString(), Order = order, ConditionId = silo.Market.ConditionId, MatchTime = DateTimeOffset.UtcNow.ToUnixTimeSeconds(), Status = status };
        silo.Clob.State.Trades.Enqueue(trade);
        return trade;
    }

    private static async Task<Position?> PositionAsync(ClobSilo silo) =>
        (await silo.Grains.GetGrain<IPortfolioGrain>(silo.Portfolio.PortfolioId).GetState())!.Positions.SingleOrDefault(p => p.TokenId == silo.Market.TokenId);

    private static async Task<List<AuditEnvelope>> TrailAsync(ClobSilo silo, string launchId) =>
        (await silo.Grains.GetGrain<IAuditQueryGrain>(0).Query(new AuditQuery { PortfolioId = silo.Portfolio.PortfolioId, LaunchId = launchId })).Items;
}
