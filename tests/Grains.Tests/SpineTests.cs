using Polytraders.Contracts;
using Polytraders.Grains.Replay;
using Polytraders.Polymarket.Crypto;
using Polytraders.Polymarket.Signing;
using Polytraders.Trading.Replay;

namespace Polytraders.Grains.Tests;

/// <summary>The walking skeleton end to end on an in-process cluster: market → strategy → risk → execution → audit.</summary>
public sealed class SpineTests(SpineCluster spine) : IClassFixture<SpineCluster>
{
    [Fact]
    public async Task a_cluster_launch_on_port_001_runs_the_whole_flow_in_order_and_the_chain_verifies()
    {
        var launch = SpineLaunches.Momentum("momentum-spine-1", "PORT-001", new MarketScope { Mode = ScopeMode.Cluster, ClusterId = "crypto" });

        var launched = await spine.Grains.GetGrain<IPortfolioGrain>("PORT-001").Launch(launch, "alice");
        Assert.True(launched.Succeeded, launched.Detail);
        await ReplayAllPrices();

        var trail = await AuditTrailProbe.WaitForAsync(spine.Grains, new AuditQuery { PortfolioId = "PORT-001" },
            t => t.Any(e => e.ReasonCode == ReasonCodes.StratMomentumExit) && t.Count(e => e.Payload.Kind == AuditPayloadKind.Fill) >= 2);
        var codes = trail.Select(e => e.ReasonCode).ToList();
        Assert.Equal(ReasonCodes.StratLaunched, codes[0]);
        Assert.Equal([ReasonCodes.StratMarketInScope, ReasonCodes.StratMarketInScope, ReasonCodes.StratMarketInScope], codes.Skip(1).Take(3));
        var signal = codes.IndexOf(ReasonCodes.StratSignal);
        var entry = codes.IndexOf(ReasonCodes.StratMomentumLong);
        var risk = trail.ToList().FindIndex(e => e.Payload.Kind is AuditPayloadKind.RiskApproved or AuditPayloadKind.RiskReshaped);
        var signed = codes.IndexOf(ReasonCodes.ExecOrderSigned);
        var fill = codes.IndexOf(ReasonCodes.ExecOrderFilled);
        var exit = codes.IndexOf(ReasonCodes.StratMomentumExit);
        Assert.True(3 < signal && signal < entry && entry < risk && risk < signed && signed < fill && fill < exit, string.Join(", ", codes));
        Assert.Equal(ScoreType.Momentum, trail[signal].Payload.Signal!.ScoreType);

        var signer = await spine.Grains.GetGrain<IExecutionGrain>(IExecutionGrain.Key).GetSignerAddress();
        var order = trail[signed].Payload.Order!;
        Assert.Equal(signer, SignatureRecovery.RecoverAddress(Hex.Decode(order.OrderHash), Hex.Decode(order.Signature)).ToString());
        Assert.All(trail, e => Assert.Equal(trail[0].BuilderCode, e.BuilderCode));
        Assert.Equal(trail[0].BuilderCode, order.Builder);

        var verification = await spine.Grains.GetGrain<IAuditTrailGrain>("PORT-001").Verify();
        Assert.True(verification.Valid, verification.Problem);
        Assert.True(verification.Checked >= trail.Count);
    }

    [Fact]
    public async Task a_second_strategy_on_a_bound_portfolio_is_refused()
    {
        var portfolio = await NewPortfolio("PORT-110");
        var first = await portfolio.Launch(SpineLaunches.Momentum("momentum-spine-2", "PORT-110", Manual(0)), "alice");
        var second = await portfolio.Launch(SpineLaunches.Momentum("momentum-spine-3", "PORT-110", Manual(1)), "alice");

        Assert.True(first.Succeeded, first.Detail);
        Assert.Equal(ReasonCodes.StratPortfolioAlreadyBound, second.ReasonCode);
    }

    [Fact]
    public async Task removing_a_market_from_the_cluster_takes_it_out_of_scope_and_its_prices_stop_arriving()
    {
        await NewPortfolio("PORT-120");
        var strategy = spine.Grains.GetGrain<IStrategyGrain>("momentum-spine-4");
        await spine.Grains.GetGrain<IPortfolioGrain>("PORT-120").Launch(SpineLaunches.Momentum("momentum-spine-4", "PORT-120", new MarketScope { Mode = ScopeMode.Cluster, ClusterId = "politics" }), "alice");
        var removed = spine.Replay.Clusters.Single(c => c.ClusterId == "politics").MarketIds[0];

        await spine.Grains.GetGrain<IClusterGrain>("politics").RemoveMarket(removed, "operator:alice");

        var query = new AuditQuery { PortfolioId = "PORT-120" };
        var trail = await AuditTrailProbe.WaitForAsync(spine.Grains, query, t => t.Any(e => e.ReasonCode == ReasonCodes.StratMarketOutOfScope));
        Assert.Equal(removed, trail.Single(e => e.ReasonCode == ReasonCodes.StratMarketOutOfScope).Payload.MarketId);
        var state = await strategy.GetState();
        Assert.DoesNotContain(removed, state.MarketsInScope);
        Assert.Equal(2, state.MarketsInScope.Count);

        // Prices of the removed market no longer reach the Strategy: a surge there produces nothing in its trail.
        var before = (await AuditTrailProbe.ReadAllAsync(spine.Grains, query)).Count;
        var market = spine.Replay.Markets.Single(m => m.MarketId == removed);
        var replay = new PriceReplay(spine.Grains, spine.Replay);
        for (var i = 0; i < 80; i++)
        {
            await replay.PublishAsync(new PricePoint(DateTimeOffset.UtcNow.AddMinutes(i), market.Outcomes[0].TokenId, 0.20m + (i * 0.005m)));
        }

        await Task.Delay(300);
        var after = await AuditTrailProbe.ReadAllAsync(spine.Grains, query);
        Assert.Equal(before, after.Count);
        Assert.DoesNotContain(after, e => e.Payload.Signal?.MarketId == removed || e.Payload.Intent?.MarketId == removed);
        await spine.Grains.GetGrain<IClusterGrain>("politics").AddMarket(removed, "operator:alice");
    }

    [Fact]
    public async Task relaunching_onto_another_portfolio_stops_the_first_launch_and_opens_a_new_launch_envelope()
    {
        var from = await NewPortfolio("PORT-130");
        var to = await NewPortfolio("PORT-131");
        var launch = SpineLaunches.Momentum("momentum-spine-5", "PORT-130", Manual(2));
        var first = await from.Launch(launch, "alice");

        var stopped = await from.Stop("momentum-spine-5", "alice", "relaunch onto PORT-131");
        var second = await to.Launch(launch with { PortfolioId = "PORT-131" }, "alice", relaunchedFrom: "PORT-130");

        Assert.True(first.Succeeded && stopped.Succeeded && second.Succeeded, second.Detail);
        Assert.NotEqual(first.Id, second.Id);
        var oldTrail = await AuditTrailProbe.ReadAllAsync(spine.Grains, new AuditQuery { PortfolioId = "PORT-130" });
        var newTrail = await AuditTrailProbe.ReadAllAsync(spine.Grains, new AuditQuery { PortfolioId = "PORT-131" });
        Assert.Equal(ReasonCodes.StratStopped, oldTrail[^1].ReasonCode);
        Assert.Equal(first.Id, oldTrail[^1].LaunchId);
        Assert.Equal(ReasonCodes.StratRelaunched, newTrail[0].ReasonCode);
        Assert.Equal(AuditPayloadKind.Launch, newTrail[0].Payload.Kind);
        Assert.Equal(second.Id, newTrail[0].LaunchId);
        var strategy = await spine.Grains.GetGrain<IStrategyGrain>("momentum-spine-5").GetState();
        Assert.Equal("PORT-131", strategy.PortfolioId);
        Assert.Equal(2, strategy.Launches.Count);
        Assert.NotNull(strategy.Launches[0].StoppedAt);
    }

    [Fact]
    public async Task a_market_that_resolves_leaves_the_manual_scope_out_of_scope_with_resolution_as_its_cause()
    {
        await NewPortfolio("PORT-140");
        var market = spine.Replay.Markets[5];
        await spine.Grains.GetGrain<IPortfolioGrain>("PORT-140").Launch(SpineLaunches.Momentum("momentum-spine-6", "PORT-140", Manual(5)), "alice");
        var replay = new PriceReplay(spine.Grains, spine.Replay);
        await replay.PublishAsync(new PricePoint(DateTimeOffset.UtcNow, market.Outcomes[0].TokenId, 0.61m));

        await spine.Grains.GetGrain<IMarketGrain>(market.MarketId).Resolve("Yes");

        var trail = await AuditTrailProbe.WaitForAsync(spine.Grains, new AuditQuery { PortfolioId = "PORT-140" },
            t => t.Any(e => e.ReasonCode == ReasonCodes.StratMarketOutOfScope));
        var left = trail.Single(e => e.ReasonCode == ReasonCodes.StratMarketOutOfScope);
        Assert.Equal((market.MarketId, AuditPayloadCause.Resolution), (left.Payload.MarketId, left.Payload.Cause));
        Assert.Empty((await spine.Grains.GetGrain<IStrategyGrain>("momentum-spine-6").GetState()).MarketsInScope);
    }

    private Task ReplayAllPrices() => ReplayDriver.ReplayAllPricesAsync(spine.Grains, spine.Replay, spine.Flow);

    private async Task<IPortfolioGrain> NewPortfolio(string portfolioId)
    {
        var config = spine.Replay.Portfolios[0] with { PortfolioId = portfolioId };
        var portfolio = spine.Grains.GetGrain<IPortfolioGrain>(portfolioId);
        await portfolio.Configure(config);
        return portfolio;
    }

    private MarketScope Manual(int index) =>
        new() { Mode = ScopeMode.Manual, MarketIds = [spine.Replay.Markets[index].MarketId] };
}
