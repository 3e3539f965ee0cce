using Polytraders.Trading.Replay;

namespace Polytraders.Grains.Replay;

/// <summary>Configures the market, cluster and portfolio grains of a replay data set (idempotent).</summary>
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
            await grains.GetGrain<IPortfolioGrain>(portfolio.PortfolioId).Configure(portfolio).ConfigureAwait(false);
        }
    }
}
