using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.TestingHost;
using Polytraders.Contracts;
using Polytraders.Grains;
using Polytraders.Grains.Execution.Clob;
using Polytraders.Grains.Execution.Crypto;
using Polytraders.Grains.Execution.Keystore;
using Polytraders.Grains.Execution.Signing;
using Polytraders.Grains.Replay;
using Polytraders.Silo;
using Polytraders.Venue.Tests.Fake;
using Polytraders.Venue.Tests.Support;

namespace Polytraders.Venue.Tests;

/// <summary>
/// Issue 7 end to end: the embedded silo configuration with the CLOB venue (AddPolymarketClob) pointed at the fake.
/// The execution grain signs, the fake recovers the signer and rests the order, a trade arrives on the user websocket,
/// the user feed pump hands it to execution, and the Portfolio and the audit trail show it once.
/// </summary>
public sealed class EndToEndTests
{
    private const string Password = "end-to-end-test";

    [Fact]
    public async Task a_resting_order_filled_on_the_user_feed_reaches_the_portfolio_and_the_audit_trail_once()
    {
        await using var clob = await FakeClob.StartAsync();
        var market = Markets.Standard(clob);
        var keys = Directory.CreateTempSubdirectory("polytraders-e2e-keys-").FullName;
        var keystore = Path.Combine(keys, "dev-keystore.json");
        EthereumAddress signer;
        using (var key = DevKeyFile.LoadOrCreate(keystore, Password, NullLogger.Instance))
        using (var ethereum = new EthereumSigner(key, new ManagedSecp256k1()))
        {
            signer = ethereum.Address;
        }

        var account = clob.AddAccount(signer, pusdBaseUnits: 1_000_000_000);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Signing:KeystorePath"] = keystore,
            ["Signing:KeystorePassword"] = Password,
            ["Clob:BaseUrl"] = clob.BaseUrl.ToString(),
            ["Clob:MarketWebSocketUrl"] = clob.MarketWebSocketUrl.ToString(),
            ["Clob:UserWebSocketUrl"] = clob.UserWebSocketUrl.ToString(),
            ["Clob:ChainId"] = FakeClob.ChainId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Clob:ReconnectInitialDelay"] = "00:00:00.050",
            ["Clob:ReconnectMaxDelay"] = "00:00:00.500",
            ["Clob:Credentials:Address"] = signer.ToString(),
            ["Clob:Credentials:ApiKey"] = account.ApiKey,
            ["Clob:Credentials:Secret"] = account.Secret,
            ["Clob:Credentials:Passphrase"] = account.Passphrase,
        }).Build();
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            EmbeddedSilo.Configure(silo, configuration);
            silo.Services.AddPolymarketClob(configuration, pumpMarketFeed: false);
        });
        await using var cluster = builder.Build();
        try
        {
            await cluster.DeployAsync();
            var grains = cluster.Client;
            var replay = await ReplayData.LoadAsync(Path.Combine(AppContext.BaseDirectory, "replay"), CancellationToken.None);
            var config = replay.Portfolios.First(p => p.PortfolioId == "PORT-001");
            await grains.GetGrain<IMarketGrain>(market.ConditionId).Configure(TestWallet.StateOf(market).Market);
            await grains.GetGrain<IPortfolioGrain>(config.PortfolioId).Configure(config);
            await Eventually.TrueAsync(() => clob.Sockets.UserSubscriptionKeys.Contains(account.ApiKey), "the user feed pump subscribed", TimeSpan.FromSeconds(15));

            // A GTC bid under the best ask (0.52): the fake recovers the signer, accepts it and rests it ("live").
            var context = new AuditContext(config.TenantId, config.PortfolioId, "e2e-strategy", $"LCH-{Guid.NewGuid():N}", AuditEnvelopeMode.Paper, config.BuilderCode);
            var intent = TestWallet.Intent(market, Side.Buy, 0.50m, 10m) with { PortfolioId = config.PortfolioId, StrategyId = "e2e-strategy", LaunchId = context.LaunchId! };
            var execution = grains.GetGrain<IExecutionGrain>(IExecutionGrain.Key);
            var result = await execution.Execute(intent, context);

            Assert.True(result.Succeeded, result.Detail);
            var resting = Assert.Single(clob.State.AcceptedOrders);
            Assert.Equal(("live", "GTC", result.Id), (resting.Status, resting.OrderType, resting.OrderHash));
            Assert.Null((await grains.GetGrain<IPortfolioGrain>(config.PortfolioId).GetState())!.Positions.SingleOrDefault(p => p.TokenId == market.TokenId));

            // Someone sells into the bid: the trade goes through MATCHED → MINED → CONFIRMED on the user channel.
            clob.State.OpenOrders.TryRemove(resting.OrderHash, out _);
            var trade = new FakeTrade { Id = Guid.NewGuid().ToString(), Order = resting, ConditionId = market.ConditionId, MatchTime = DateTimeOffset.UtcNow.ToUnixTimeSeconds() };
            clob.State.Trades.Enqueue(trade);
            clob.Sockets.PushTradeLifecycle(account.ApiKey, trade);

            var position = await EventuallyAsync(async () =>
                (await grains.GetGrain<IPortfolioGrain>(config.PortfolioId).GetState())!.Positions.SingleOrDefault(p => p.TokenId == market.TokenId));
            Assert.Equal(10m, position.Size);
            var trail = await EventuallyAsync(async () =>
            {
                var page = await grains.GetGrain<IAuditQueryGrain>(0).Query(new AuditQuery { PortfolioId = config.PortfolioId, LaunchId = context.LaunchId });
                return page.Items.Any(e => e.ReasonCode == ReasonCodes.ExecFillConfirmed) ? page.Items : null;
            });

            var signed = Assert.Single(trail, e => e.ReasonCode == ReasonCodes.ExecOrderSigned).Payload.Order!;
            Assert.Equal(signer.ToString(), signed.Signer);
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
            Assert.True(await execution.OnVenueFill(fill));
            await Task.Delay(300);
            Assert.Equal(10m, (await grains.GetGrain<IPortfolioGrain>(config.PortfolioId).GetState())!.Positions.Single(p => p.TokenId == market.TokenId).Size);
        }
        finally
        {
            await cluster.StopAllSilosAsync();
            Directory.Delete(keys, recursive: true);
        }
    }

    private static async Task<T> EventuallyAsync<T>(Func<Task<T?>> probe)
        where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("not reached in time");
            }

            await Task.Delay(50);
        }
    }
}
