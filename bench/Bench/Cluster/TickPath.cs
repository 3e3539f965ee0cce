using Polytraders.Contracts;
using Polytraders.Grains;
using Polytraders.Trading.Backtest.Data;

namespace Polytraders.Bench.Cluster;

/// <summary>
/// The product's tick path, driven only through its grain interfaces: the markets and their Cluster configured, one
/// Portfolio per Strategy (a Portfolio runs one) launched through <see cref="IPortfolioGrain.Launch"/> with the load
/// runs' momentum launch (<see cref="SyntheticPrices.LoadLaunch"/>: fast 5, slow 20, entry 0.3, exit -0.1) on the
/// Cluster, and updates published through <see cref="IMarketGrain.Publish"/>. Risk runs the load runs' Portfolio
/// limits; orders go to the embedded default's paper venue.
/// </summary>
internal static class TickPath
{
    public static async Task<TapeDriver> SeedAsync(IGrainFactory grains, CallCounters counters, TickScenario scenario, TimeSpan stall)
    {
        foreach (var market in scenario.Markets)
        {
            await grains.GetGrain<IMarketGrain>(market.MarketId).Configure(market);
        }

        await grains.GetGrain<IClusterGrain>(SyntheticPrices.ClusterId).Configure(SyntheticPrices.Cluster([.. scenario.Markets]));
        for (var s = 0; s < TickScenario.SubscribersPerMarket; s++)
        {
            var portfolio = SyntheticPrices.LoadPortfolio() with { PortfolioId = $"PORT-{901 + s}", Name = $"Bench tick path {s + 1}" };
            var launch = SyntheticPrices.LoadLaunch() with { StrategyId = $"momentum-bench-{s + 1}", PortfolioId = portfolio.PortfolioId };
            await grains.GetGrain<IPortfolioGrain>(portfolio.PortfolioId).Configure(portfolio);
            var launched = await grains.GetGrain<IPortfolioGrain>(portfolio.PortfolioId).Launch(launch, "bench");
            var state = await grains.GetGrain<IStrategyGrain>(launch.StrategyId).GetState();
            if (!launched.Succeeded || state.MarketsInScope.Count != scenario.Markets.Count)
            {
                throw new BenchFailure($"launching {launch.StrategyId}: {launched.ReasonCode} {launched.Detail}; {state.MarketsInScope.Count} of {scenario.Markets.Count} markets in scope");
            }
        }

        return new TapeDriver(
            scenario,
            (m, update) => grains.GetGrain<IMarketGrain>(scenario.Markets[m].MarketId).Publish(update),
            () => counters.StrategyDeliveries,
            stall);
    }
}
