using Polytraders.Contracts;

namespace Polytraders.Trading.Replay;

/// <summary>The replay data set of a folder: markets, clusters, portfolios (JSON contracts) and prices.csv.</summary>
public sealed record ReplayData(IReadOnlyList<Market> Markets, IReadOnlyList<Cluster> Clusters, IReadOnlyList<PortfolioConfig> Portfolios, string PricesPath)
{
    public static async Task<ReplayData> LoadAsync(string directory, CancellationToken cancellationToken)
    {
        return new ReplayData(
            await ReadAsync<List<Market>>(directory, "markets.json", cancellationToken).ConfigureAwait(false),
            await ReadAsync<List<Cluster>>(directory, "clusters.json", cancellationToken).ConfigureAwait(false),
            await ReadAsync<List<PortfolioConfig>>(directory, "portfolios.json", cancellationToken).ConfigureAwait(false),
            Path.Combine(directory, "prices.csv"));
    }

    /// <summary>Token id → the market it belongs to.</summary>
    public IReadOnlyDictionary<string, Market> MarketsByToken() =>
        Markets.SelectMany(m => m.Outcomes.Select(o => (o.TokenId, Market: m))).ToDictionary(x => x.TokenId, x => x.Market, StringComparer.Ordinal);

    private static async Task<T> ReadAsync<T>(string directory, string file, CancellationToken cancellationToken) =>
        ContractJson.Deserialize<T>(await File.ReadAllTextAsync(Path.Combine(directory, file), cancellationToken).ConfigureAwait(false));
}
