using Polytraders.Trading.Replay;

namespace Polytraders.Grains.Replay;

/// <summary>
/// Configures the market and cluster grains of a replay data set and seeds its Portfolios (idempotent): a Portfolio that
/// exists keeps its config, which the API may have changed since.
/// </summary>
public static class ReplaySeeder
{
    public static async Task SeedAsync(IGrainFactory grains, ReplayData data)
    {
        foreach (var market in data.Markets)
        {
            await grains.GetGrain<IMarketGrain>(market.MarketId).Configure(market).ConfigureAwait(false);
        }

        foreach (var cluster in data.Clusters)
        {
            await grains.GetGrain<IClusterGrain>(cluster.ClusterId).Configure(cluster).ConfigureAwait(false);
        }

        foreach (var portfolio in data.Portfolios)
        {
            await grains.GetGrain<IPortfolioGrain>(portfolio.PortfolioId).Seed(portfolio).ConfigureAwait(false);
        }
    }
}
