using System.Text.Json.Serialization;

namespace Polytraders.Polymarket.Clob;

/// <summary>
/// GET /prices-history. Response {"history":[{"t":…,"p":…}]}: t in Unix seconds, p the price. Source:
/// PriceHistoryResponse / PricePoint in rs-clob-client-v2 src/clob/types/response.rs and MarketPrice in
/// clob-client-v2 src/types/clob.ts.
/// </summary>
public sealed record PriceHistory
{
    [JsonPropertyName("history")]
    public IReadOnlyList<PriceHistoryPoint> History { get; init; } = [];
}

public sealed record PriceHistoryPoint
{
    /// <summary>Unix seconds.</summary>
    [JsonPropertyName("t")]
    public long T { get; init; }

    [JsonPropertyName("p")]
    public decimal P { get; init; }

    public DateTimeOffset Time => DateTimeOffset.FromUnixTimeSeconds(T);
}

/// <summary>
/// The query of GET /prices-history: market (the token id) and either an interval or both start and end
/// (py-clob-client-v2 client.py get_prices_history refuses anything else); fidelity is the resolution in minutes.
/// Intervals: max, 1w, 1d, 6h, 1h (clob-client-v2 PriceHistoryInterval).
/// </summary>
public sealed record PriceHistoryQuery(string TokenId, string? Interval = null, DateTimeOffset? Start = null, DateTimeOffset? End = null, int? FidelityMinutes = null)
{
    public static readonly IReadOnlySet<string> Intervals = new HashSet<string>(["max", "1w", "1d", "6h", "1h"], StringComparer.Ordinal);
}
