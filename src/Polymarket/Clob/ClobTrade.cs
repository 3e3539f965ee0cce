using System.Text.Json.Serialization;

namespace Polytraders.Polymarket.Clob;

/// <summary>
/// A trade as GET /data/trades and the user channel's "trade" event describe it. Source: Trade / MakerOrder in
/// clob-client-v2 src/types/clob.ts and TradeMessage in rs-clob-client-v2 src/clob/ws/types/response.rs
/// (the websocket spells match_time "matchtime" in older frames; both are read).
/// </summary>
public sealed record ClobTrade
{
    [JsonPropertyName("id")]
    public string Id { get; init; } = "";

    [JsonPropertyName("taker_order_id")]
    public string? TakerOrderId { get; init; }

    [JsonPropertyName("market")]
    public string Market { get; init; } = "";

    [JsonPropertyName("asset_id")]
    public string AssetId { get; init; } = "";

    [JsonPropertyName("side")]
    public string Side { get; init; } = "";

    [JsonPropertyName("size")]
    public decimal Size { get; init; }

    [JsonPropertyName("price")]
    public decimal Price { get; init; }

    /// <summary>MATCHED, MINED, CONFIRMED, RETRYING or FAILED.</summary>
    [JsonPropertyName("status")]
    public string Status { get; init; } = "";

    [JsonPropertyName("match_time")]
    public long? MatchTime { get; init; }

    [JsonPropertyName("matchtime")]
    public long? MatchTimeLegacy { get; init; }

    [JsonPropertyName("last_update")]
    public long? LastUpdate { get; init; }

    [JsonPropertyName("timestamp")]
    public long? Timestamp { get; init; }

    [JsonPropertyName("owner")]
    public string? Owner { get; init; }

    [JsonPropertyName("trader_side")]
    public string? TraderSide { get; init; }

    [JsonPropertyName("transaction_hash")]
    public string? TransactionHash { get; init; }

    [JsonPropertyName("maker_orders")]
    public IReadOnlyList<ClobMakerOrder> MakerOrders { get; init; } = [];

    /// <summary>When the trade matched (Unix seconds), falling back to its last update.</summary>
    public long? MatchedAtSeconds => MatchTime ?? MatchTimeLegacy ?? LastUpdate ?? Timestamp;
}

public sealed record ClobMakerOrder
{
    [JsonPropertyName("order_id")]
    public string OrderId { get; init; } = "";

    [JsonPropertyName("owner")]
    public string? Owner { get; init; }

    [JsonPropertyName("asset_id")]
    public string? AssetId { get; init; }

    [JsonPropertyName("matched_amount")]
    public decimal MatchedAmount { get; init; }

    [JsonPropertyName("price")]
    public decimal Price { get; init; }

    [JsonPropertyName("side")]
    public string? Side { get; init; }
}
