using System.Text.Json.Serialization;

namespace Polytraders.Polymarket.Clob;

/// <summary>
/// GET /book?token_id=… Source: OrderBookSummary in clob-client-v2 src/types/clob.ts (market, asset_id, timestamp,
/// bids, asks, min_order_size, tick_size, neg_risk, hash, last_trade_price; prices and sizes as decimal strings).
/// </summary>
public sealed record OrderBookSummary
{
    [JsonPropertyName("market")]
    public string Market { get; init; } = "";

    [JsonPropertyName("asset_id")]
    public string AssetId { get; init; } = "";

    /// <summary>Unix milliseconds.</summary>
    [JsonPropertyName("timestamp")]
    public long Timestamp { get; init; }

    [JsonPropertyName("hash")]
    public string? Hash { get; init; }

    [JsonPropertyName("bids")]
    public IReadOnlyList<BookLevel> Bids { get; init; } = [];

    [JsonPropertyName("asks")]
    public IReadOnlyList<BookLevel> Asks { get; init; } = [];

    [JsonPropertyName("min_order_size")]
    public decimal MinOrderSize { get; init; }

    [JsonPropertyName("tick_size")]
    public decimal TickSize { get; init; }

    [JsonPropertyName("neg_risk")]
    public bool NegRisk { get; init; }

    [JsonPropertyName("last_trade_price")]
    public decimal? LastTradePrice { get; init; }

    /// <summary>Highest bid; the CLOB lists bids ascending, so the best is not necessarily the first.</summary>
    public decimal? BestBid => Bids.Count == 0 ? null : Bids.Max(l => l.Price);

    /// <summary>Lowest ask.</summary>
    public decimal? BestAsk => Asks.Count == 0 ? null : Asks.Min(l => l.Price);
}

/// <summary>One price level: the total size resting at a price.</summary>
public sealed record BookLevel
{
    [JsonPropertyName("price")]
    public decimal Price { get; init; }

    [JsonPropertyName("size")]
    public decimal Size { get; init; }
}
