using System.Text.Json.Serialization;

namespace Polytraders.Polymarket.Clob;

/// <summary>An open order from GET /data/orders. Source: OpenOrder in clob-client-v2 src/types/clob.ts.</summary>
public sealed record OpenOrder
{
    [JsonPropertyName("id")]
    public string Id { get; init; } = "";

    [JsonPropertyName("status")]
    public string Status { get; init; } = "";

    [JsonPropertyName("market")]
    public string Market { get; init; } = "";

    [JsonPropertyName("asset_id")]
    public string AssetId { get; init; } = "";

    [JsonPropertyName("side")]
    public string Side { get; init; } = "";

    [JsonPropertyName("original_size")]
    public decimal OriginalSize { get; init; }

    [JsonPropertyName("size_matched")]
    public decimal SizeMatched { get; init; }

    [JsonPropertyName("price")]
    public decimal Price { get; init; }

    [JsonPropertyName("outcome")]
    public string? Outcome { get; init; }

    [JsonPropertyName("order_type")]
    public string? OrderType { get; init; }

    [JsonPropertyName("created_at")]
    public long CreatedAt { get; init; }

    [JsonPropertyName("expiration")]
    public long Expiration { get; init; }

    [JsonPropertyName("associate_trades")]
    public IReadOnlyList<string>? AssociateTrades { get; init; }
}
