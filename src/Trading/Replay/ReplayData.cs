using Polytraders.Contracts;

namespace Polytraders.Trading.Replay;

/// <summary>
/// The replay data set of a folder: markets, clusters, portfolios (JSON contracts) and prices.csv, replayed from a
/// start instant on. The markets' end dates move by (start − the first recorded price), as the replayed prices do, so
/// a market ends as long after the replay starts as it did after its recorded prices began, whatever the date: a
/// replay never runs into the end of its markets because the calendar moved on.
/// </summary>
public sealed record ReplayData(IReadOnlyList<Market> Markets, IReadOnlyList<Cluster> Clusters, IReadOnlyList<PortfolioConfig> Portfolios, string PricesPath)
{
    public const string PricesFile = "prices.csv";

    /// <summary>Loads the data set of <paramref name="directory"/> to be replayed from <paramref name="start"/> on.</summary>
    public static async Task<ReplayData> LoadAsync(string directory, DateTimeOffset start, CancellationToken cancellationToken)
    {
        var prices = Path.Combine(directory, PricesFile);
        var shift = start - await FirstRecordedAsync(prices, cancellationToken).ConfigureAwait(false);
        var markets = await ReadAsync<List<Market>>(directory, "markets.json", cancellationToken).ConfigureAwait(false);
        return new ReplayData(
            [.. markets.Select(m => m with { EndDate = m.EndDate + shift })],
            await ReadAsync<List<Cluster>>(directory, "clusters.json", cancellationToken).ConfigureAwait(false),
            await ReadAsync<List<PortfolioConfig>>(directory, "portfolios.json", cancellationToken).ConfigureAwait(false),
            prices);
    }

    /// <summary>Token id → the market it belongs to.</summary>
    public IReadOnlyDictionary<string, Market> MarketsByToken() =>
        Markets.SelectMany(m => m.Outcomes.Select(o => (o.TokenId, Market: m))).ToDictionary(x => x.TokenId, x => x.Market, StringComparer.Ordinal);

    private static async Task<DateTimeOffset> FirstRecordedAsync(string prices, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(prices);
        await foreach (var point in PriceCsv.ReadAsync(reader, cancellationToken).ConfigureAwait(false))
        {
            return point.Timestamp;
        }

        throw new InvalidOperationException($"{prices} holds no price.");
    }

    private static async Task<T> ReadAsync<T>(string directory, string file, CancellationToken cancellationToken) =>
        ContractJson.Deserialize<T>(await File.ReadAllTextAsync(Path.Combine(directory, file), cancellationToken).ConfigureAwait(false));
}
