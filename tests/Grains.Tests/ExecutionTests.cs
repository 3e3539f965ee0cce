using Polytraders.Contracts;
using Polytraders.Polymarket.Crypto;
using Polytraders.Polymarket.Signing;

namespace Polytraders.Grains.Tests;

[Collection(SpineCollection.Name)]
/// <summary>An approved intent through its order grain: signed once by the execution grain, submitted once, recorded and audited.</summary>
public sealed class ExecutionTests(SpineCluster spine)
{
    [Fact]
    public async Task an_approved_intent_is_signed_by_the_configured_signer_and_filled_on_the_paper_venue()
    {
        var (context, intent) = await ArrangeIntent("PORT-002", "exec-test-a");

        var result = await spine.Grains.GetGrain<IOrderGrain>(intent.ClientOrderId).Place(intent, context);

        Assert.True(result.Succeeded, result.Detail);
        var page = await AuditUntil(context, ReasonCodes.ExecOrderFilled);
        var order = Assert.Single(page.Items, e => e.ReasonCode == ReasonCodes.ExecOrderSigned).Payload.Order!;
        var signer = await spine.Grains.GetGrain<IExecutionGrain>(IExecutionGrain.Key).GetSignerAddress();
        Assert.Equal(signer, order.Signer);
        Assert.Equal(signer, Recover(order).ToString());
        Assert.Equal(context.BuilderCode, order.Builder);
        Assert.Equal("development key (not for live)", order.SignerLabel);
        var fill = Assert.Single(page.Items, e => e.ReasonCode == ReasonCodes.ExecOrderFilled).Payload.Fill!;
        Assert.Equal(intent.Size, fill.Size);
        Assert.All(page.Items, e => Assert.Equal(context.BuilderCode, e.BuilderCode));

        var position = await Eventually(async () =>
            (await spine.Grains.GetGrain<IPortfolioGrain>("PORT-002").GetState())!.Positions.SingleOrDefault(p => p.TokenId == intent.TokenId));
        Assert.Equal(intent.Size, position.Size);
    }

    [Fact]
    public async Task a_client_order_id_is_never_signed_twice()
    {
        var (context, intent) = await ArrangeIntent("PORT-002", "exec-test-b");
        var order = spine.Grains.GetGrain<IOrderGrain>(intent.ClientOrderId);

        var first = await order.Place(intent, context);
        var second = await order.Place(intent, context);

        Assert.True(first.Succeeded, first.Detail);
        Assert.False(second.Succeeded);
        Assert.Equal(ReasonCodes.ExecDuplicateClientOrderId, second.ReasonCode);
        var page = await spine.Grains.GetGrain<IAuditQueryGrain>(0).Query(new AuditQuery { LaunchId = context.LaunchId, ReasonCode = ReasonCodes.ExecOrderSigned });
        Assert.Single(page.Items);
    }

    [Fact]
    public async Task a_price_off_the_tick_is_refused_with_an_exec_code_and_audited()
    {
        var (context, intent) = await ArrangeIntent("PORT-002", "exec-test-c");
        var offTick = intent with { LimitPrice = intent.LimitPrice + 0.0001m, ClientOrderId = intent.ClientOrderId + "-x" };

        var result = await spine.Grains.GetGrain<IOrderGrain>(offTick.ClientOrderId).Place(offTick, context);

        Assert.Equal(ReasonCodes.ExecPriceNotOnTick, result.ReasonCode);
        var page = await spine.Grains.GetGrain<IAuditQueryGrain>(0).Query(new AuditQuery { LaunchId = context.LaunchId });
        Assert.Contains(page.Items, e => e.ReasonCode == ReasonCodes.ExecPriceNotOnTick && e.Payload.Kind == AuditPayloadKind.OrderFailed);
    }

    [Fact]
    public async Task an_intent_signs_to_the_same_order_every_time_it_is_signed()
    {
        var (context, intent) = await ArrangeIntent("PORT-002", "exec-test-d");
        var market = (await spine.Grains.GetGrain<IMarketGrain>(intent.MarketId).GetState())!.Market;
        var execution = spine.Grains.GetGrain<IExecutionGrain>(IExecutionGrain.Key);

        var first = await execution.Sign(intent, context, market);
        var again = await execution.Sign(intent, context, market);
        var other = await execution.Sign(intent with { ClientOrderId = intent.ClientOrderId + "-2" }, context, market);

        Assert.NotNull(first.Order);
        Assert.Equal(first.Order, again.Order);
        Assert.Equal(intent.CreatedAt.ToUnixTimeMilliseconds(), first.Order.TimestampMs);
        Assert.NotEqual(first.Order.Salt, other.Order!.Salt);
        Assert.NotEqual(first.Order.OrderHash, other.Order.OrderHash);
        await execution.Finished(intent.ClientOrderId);
        await execution.Finished(intent.ClientOrderId + "-2");
    }

    [Fact]
    public async Task a_fill_the_venue_reports_again_is_booked_once()
    {
        var (context, intent) = await ArrangeIntent("PORT-002", "exec-test-e");
        var order = spine.Grains.GetGrain<IOrderGrain>(intent.ClientOrderId);
        var portfolio = spine.Grains.GetGrain<IPortfolioGrain>("PORT-002");
        var before = (await portfolio.GetState())!.Positions.SingleOrDefault(p => p.TokenId == intent.TokenId)?.Size ?? 0m;

        Assert.True((await order.Place(intent, context)).Succeeded);
        var fill = (await AuditUntil(context, ReasonCodes.ExecOrderFilled)).Items.Single(e => e.ReasonCode == ReasonCodes.ExecOrderFilled).Payload.Fill!;
        var booked = await Eventually(async () => (await portfolio.GetState())!.Positions.SingleOrDefault(p => p.TokenId == intent.TokenId && p.Size == before + intent.Size));

        Assert.True(await order.OnVenueFill(fill));
        Assert.True(await order.OnVenueFill(fill with { Status = FillStatus.Mined }));
        await spine.Flow.StillAsync(CancellationToken.None);

        Assert.Equal(booked.Size, (await portfolio.GetState())!.Positions.Single(p => p.TokenId == intent.TokenId).Size);
        var page = await AuditUntil(context, ReasonCodes.ExecFillMined);
        Assert.Single(page.Items, e => e.ReasonCode == ReasonCodes.ExecOrderFilled);
    }

    private async Task<(AuditContext Context, OrderIntent Intent)> ArrangeIntent(string portfolioId, string strategyId)
    {
        var market = spine.Replay.Markets.First(m => m.TickSize == 0.01m);
        var token = market.Outcomes[0].TokenId;
        await spine.Grains.GetGrain<IMarketGrain>(market.MarketId).Publish(new PriceUpdate
        {
            MarketId = market.MarketId,
            TokenId = token,
            Price = 0.42m,
            Timestamp = DateTimeOffset.UtcNow,
            Sequence = DateTimeOffset.UtcNow.Ticks,
            Source = PriceUpdateSource.Replay,
        });
        var config = (await spine.Grains.GetGrain<IPortfolioGrain>(portfolioId).GetState())!.Config;
        var launchId = $"LCH-{Guid.NewGuid():N}";
        var context = new AuditContext(config.TenantId, portfolioId, strategyId, launchId, AuditEnvelopeMode.Paper, config.BuilderCode);
        var intent = new OrderIntent
        {
            PortfolioId = portfolioId,
            StrategyId = strategyId,
            LaunchId = launchId,
            MarketId = market.MarketId,
            TokenId = token,
            Side = Side.Buy,
            Size = 10m,
            LimitPrice = 0.42m,
            TimeInForce = TimeInForce.Gtc,
            ClientOrderId = $"coid-{Guid.NewGuid():N}"[..24],
            CreatedAt = DateTimeOffset.UtcNow,
            ReasonCode = ReasonCodes.StratMomentumLong,
            Signal = new Signal
            {
                StrategyScore = 0.5m,
                ScoreType = ScoreType.Momentum,
                MarketId = market.MarketId,
                TokenId = token,
                AsOf = DateTimeOffset.UtcNow,
                Inputs = [],
                ReasonCodes = [],
            },
        };
        return (context, intent);
    }

    private async Task<AuditPage> AuditUntil(AuditContext context, string reasonCode)
    {
        var query = new AuditQuery { PortfolioId = context.PortfolioId, LaunchId = context.LaunchId };
        for (var attempt = 0; attempt < 250; attempt++)
        {
            var page = await spine.Grains.GetGrain<IAuditQueryGrain>(0).Query(query);
            if (page.Items.Any(e => e.ReasonCode == reasonCode))
            {
                return page;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"{reasonCode} not audited within 5 s");
    }

    private static EthereumAddress Recover(Order order)
    {
        var digest = Hex.Decode(order.OrderHash);
        var signature = Hex.Decode(order.Signature);
        return SignatureRecovery.RecoverAddress(digest, signature) ?? throw new InvalidOperationException("signature does not recover");
    }

    private static async Task<T> Eventually<T>(Func<Task<T?>> probe)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException("condition not reached within 2 s");
    }
}
