using Orleans.Core.Internal;
using Polytraders.Contracts;
using Polytraders.Grains.Replay;
using Polytraders.Trading.Replay;

namespace Polytraders.Grains.Tests;

/// <summary>
/// Market scope as the kickoff page defines it, on an in-process cluster: a resolution takes a market out of every scope
/// as STRAT_MARKET_OUT_OF_SCOPE (cause: resolution), and an operator edits a running manual list.
/// </summary>
public sealed class MarketScopeEditTests(SpineCluster spine) : IClassFixture<SpineCluster>
{
    [Fact]
    public async Task a_resolving_market_leaves_every_scope_out_of_scope_with_resolution_as_its_cause()
    {
        var crypto = spine.Replay.Clusters.Single(c => c.ClusterId == "crypto");
        var resolving = crypto.MarketIds[^1];
        await NewPortfolio("PORT-210");
        await NewPortfolio("PORT-211");
        await Launch("momentum-scope-10", "PORT-210", new MarketScope { Mode = ScopeMode.Cluster, ClusterId = "crypto" });
        await Launch("momentum-scope-11", "PORT-211", new MarketScope { Mode = ScopeMode.Manual, MarketIds = [resolving, crypto.MarketIds[0]] });
        var market = spine.Replay.Markets.Single(m => m.MarketId == resolving);
        await new PriceReplay(spine.Grains, spine.Replay).PublishAsync(new PricePoint(DateTimeOffset.UtcNow, market.Outcomes[0].TokenId, 0.61m));

        await spine.Grains.GetGrain<IMarketGrain>(resolving).Resolve("Yes");

        foreach (var (portfolioId, strategyId) in new[] { ("PORT-210", "momentum-scope-10"), ("PORT-211", "momentum-scope-11") })
        {
            var trail = await AuditTrailProbe.WaitForAsync(spine.Grains, new AuditQuery { PortfolioId = portfolioId },
                t => t.Any(e => e.ReasonCode == ReasonCodes.StratMarketOutOfScope));
            var left = Assert.Single(trail, e => e.ReasonCode == ReasonCodes.StratMarketOutOfScope);
            Assert.Equal((AuditPayloadKind.Scope, resolving, AuditPayloadCause.Resolution, "strategy"), (left.Payload.Kind, left.Payload.MarketId, left.Payload.Cause, left.Actor));

            // Nothing was held, so nothing waits for redemption: STRAT_MARKET_RESOLVED marks only a position it flags.
            Assert.DoesNotContain(trail, e => e.ReasonCode == ReasonCodes.StratMarketResolved);
            Assert.DoesNotContain(resolving, (await Strategy(strategyId).GetState()).MarketsInScope);
        }

        var refused = await Strategy("momentum-scope-11").SelectMarket(resolving, "alice");
        Assert.Equal(ReasonCodes.StratMarketResolved, refused.ReasonCode);
    }

    [Fact]
    public async Task an_operator_adds_and_removes_a_market_of_a_running_manual_list_and_its_prices_follow()
    {
        var (first, added) = (spine.Replay.Markets[0], spine.Replay.Markets[1]);
        await NewPortfolio("PORT-220");
        await Launch("momentum-scope-20", "PORT-220", new MarketScope { Mode = ScopeMode.Manual, MarketIds = [first.MarketId] });
        var strategy = Strategy("momentum-scope-20");
        var query = new AuditQuery { PortfolioId = "PORT-220" };

        var put = await strategy.SelectMarket(added.MarketId, "alice");

        Assert.True(put.Succeeded, put.Detail);
        var entered = (await AuditTrailProbe.ReadAllAsync(spine.Grains, query))[^1];
        Assert.Equal((ReasonCodes.StratMarketInScope, added.MarketId, AuditPayloadCause.ManualSelection, "operator:alice"), (entered.ReasonCode, entered.Payload.MarketId, entered.Payload.Cause, entered.Actor));
        var state = await strategy.GetState();
        Assert.Equal([first.MarketId, added.MarketId], state.Launch!.MarketScope.MarketIds!);
        Assert.Contains(added.MarketId, state.MarketsInScope);

        // Its prices reach the Strategy now: a surge there is decided on.
        var now = DateTimeOffset.UtcNow;
        await Surge(added, now);
        await AuditTrailProbe.WaitForAsync(spine.Grains, query, t => t.Any(e => e.Payload.Signal?.MarketId == added.MarketId));

        var again = await strategy.SelectMarket(added.MarketId, "alice");
        Assert.True(again.Succeeded, again.Detail);

        var delete = await strategy.DeselectMarket(added.MarketId, "alice");

        Assert.True(delete.Succeeded, delete.Detail);
        var trail = await AuditTrailProbe.ReadAllAsync(spine.Grains, query);
        Assert.Single(trail, e => e.ReasonCode == ReasonCodes.StratMarketInScope && e.Payload.MarketId == added.MarketId);
        var left = Assert.Single(trail, e => e.ReasonCode == ReasonCodes.StratMarketOutOfScope);
        Assert.Equal((added.MarketId, AuditPayloadCause.ManualDeselection, "operator:alice"), (left.Payload.MarketId, left.Payload.Cause, left.Actor));

        // A position the surge opened is sold as on any scope removal (exit cause out_of_scope).
        Assert.All(trail.SkipWhile(e => e != left).Where(e => e.Payload.Kind == AuditPayloadKind.Intent), e => Assert.Equal(OrderIntentExitCause.OutOfScope, e.Payload.Intent!.ExitCause));
        state = await strategy.GetState();
        Assert.Equal([first.MarketId], state.Launch!.MarketScope.MarketIds!);
        Assert.DoesNotContain(added.MarketId, state.MarketsInScope);

        // Its prices no longer reach the Strategy.
        await spine.Flow.StillAsync(CancellationToken.None);
        var before = (await AuditTrailProbe.ReadAllAsync(spine.Grains, query)).Count;
        await Surge(added, now.AddHours(2));
        await Task.Delay(300);
        var after = await AuditTrailProbe.ReadAllAsync(spine.Grains, query);
        Assert.Equal(before, after.Count);

        var absent = await strategy.DeselectMarket(added.MarketId, "alice");
        Assert.True(absent.Succeeded, absent.Detail);
        Assert.Equal(after.Count, (await AuditTrailProbe.ReadAllAsync(spine.Grains, query)).Count);
        Assert.True((await spine.Grains.GetGrain<IAuditTrailGrain>("PORT-220").Verify()).Valid);
    }

    [Fact]
    public async Task a_manual_list_keeps_its_limits_and_a_cluster_scope_is_not_edited()
    {
        var synthetic = Enumerable.Range(1, 51).Select(i => spine.Replay.Markets[0] with { MarketId = $"0x{i + 0x5c09e:x64}", ClusterIds = [] }).ToList();
        foreach (var market in synthetic)
        {
            await spine.Grains.GetGrain<IMarketGrain>(market.MarketId).Configure(market);
        }

        await NewPortfolio("PORT-230");
        await Launch("momentum-scope-30", "PORT-230", new MarketScope { Mode = ScopeMode.Manual, MarketIds = [.. synthetic.Take(50).Select(m => m.MarketId)] });
        var full = Strategy("momentum-scope-30");

        Assert.Equal(ReasonCodes.StratScopeTooManyMarkets, (await full.SelectMarket(synthetic[50].MarketId, "alice")).ReasonCode);
        Assert.Equal(ReasonCodes.StratUnknownMarket, (await full.SelectMarket($"0x{0xdead:x64}", "alice")).ReasonCode);
        Assert.Equal(50, (await full.GetState()).MarketsInScope.Count);

        await NewPortfolio("PORT-231");
        await Launch("momentum-scope-31", "PORT-231", new MarketScope { Mode = ScopeMode.Manual, MarketIds = [synthetic[0].MarketId] });
        Assert.Equal(ReasonCodes.StratScopeEmpty, (await Strategy("momentum-scope-31").DeselectMarket(synthetic[0].MarketId, "alice")).ReasonCode);

        await NewPortfolio("PORT-232");
        await Launch("momentum-scope-32", "PORT-232", new MarketScope { Mode = ScopeMode.Cluster, ClusterId = "politics" });
        var bound = Strategy("momentum-scope-32");
        Assert.Equal(ReasonCodes.StratScopeNotManual, (await bound.SelectMarket(synthetic[0].MarketId, "alice")).ReasonCode);
        Assert.Equal(ReasonCodes.StratScopeNotManual, (await bound.DeselectMarket((await bound.GetState()).MarketsInScope[0], "alice")).ReasonCode);
        Assert.Equal(ScopeMode.Cluster, (await bound.GetState()).Launch!.MarketScope.Mode);

        Assert.Equal(ReasonCodes.StratNotRunning, (await Strategy("momentum-scope-never").SelectMarket(synthetic[0].MarketId, "alice")).ReasonCode);
    }

    [Fact]
    public async Task an_edited_list_survives_a_reactivation_of_the_strategy()
    {
        var (first, added) = (spine.Replay.Markets[3], spine.Replay.Markets[4]);
        await NewPortfolio("PORT-240");
        await Launch("momentum-scope-40", "PORT-240", new MarketScope { Mode = ScopeMode.Manual, MarketIds = [first.MarketId] });
        var strategy = Strategy("momentum-scope-40");
        Assert.True((await strategy.SelectMarket(added.MarketId, "alice")).Succeeded);
        Assert.True((await strategy.DeselectMarket(first.MarketId, "alice")).Succeeded);

        await strategy.AsReference<IGrainManagementExtension>().DeactivateOnIdle();

        var state = await strategy.GetState();
        Assert.Equal(StrategyStateStatus.Running, state.Status);
        Assert.Equal([added.MarketId], state.Launch!.MarketScope.MarketIds!);
        Assert.Equal([added.MarketId], state.MarketsInScope);

        // The reactivated Strategy edits the list as it was left: the market taken off comes back as a fresh selection.
        Assert.True((await strategy.SelectMarket(first.MarketId, "alice")).Succeeded);
        Assert.Equal([added.MarketId, first.MarketId], (await strategy.GetState()).Launch!.MarketScope.MarketIds!);
    }

    private IStrategyGrain Strategy(string strategyId) => spine.Grains.GetGrain<IStrategyGrain>(strategyId);

    /// <summary>80 prices climbing one minute apart from <paramref name="start"/>: enough for the slow lookback to fill and the Signal to cross.</summary>
    private async Task Surge(Market market, DateTimeOffset start)
    {
        var replay = new PriceReplay(spine.Grains, spine.Replay);
        for (var i = 0; i < 80; i++)
        {
            await replay.PublishAsync(new PricePoint(start.AddMinutes(i), market.Outcomes[0].TokenId, 0.20m + (i * 0.005m)));
        }
    }

    private async Task NewPortfolio(string portfolioId) =>
        await spine.Grains.GetGrain<IPortfolioGrain>(portfolioId).Configure(spine.Replay.Portfolios[0] with { PortfolioId = portfolioId });

    private async Task Launch(string strategyId, string portfolioId, MarketScope scope)
    {
        var launched = await spine.Grains.GetGrain<IPortfolioGrain>(portfolioId).Launch(SpineLaunches.Momentum(strategyId, portfolioId, scope), "alice");
        Assert.True(launched.Succeeded, launched.Detail);
    }
}
