using System.Text.Json.Serialization;

namespace Polytraders.Polymarket.Clob;

/// <summary>
/// The body of a POST /order answer. Source: OrderResponse in clob-client-v2 src/types/clob.ts (success, errorMsg,
/// orderID, transactionsHashes, status, takingAmount, makingAmount) and PostOrderResponse in rs-clob-client-v2
/// src/clob/types/response.rs (adds tradeIDs; amounts may be ""). Status is one of matched, live, delayed, unmatched.
/// </summary>
public sealed record PostOrderResponse
{
    [JsonPropertyName("success")]
    public bool Success { get; init; }

    [JsonPropertyName("errorMsg")]
    public string? ErrorMsg { get; init; }

    [JsonPropertyName("orderID")]
    public string? OrderId { get; init; }

    [JsonPropertyName("status")]
    public string? Status { get; init; }

    [JsonPropertyName("makingAmount")]
    public string? MakingAmount { get; init; }

    [JsonPropertyName("takingAmount")]
    public string? TakingAmount { get; init; }

    [JsonPropertyName("transactionsHashes")]
    public IReadOnlyList<string>? TransactionsHashes { get; init; }

    [JsonPropertyName("tradeIDs")]
    public IReadOnlyList<string>? TradeIds { get; init; }
}

/// <summary>POST /order status values. Source: rs-clob-client-v2 OrderStatusType and the docs' create-order page.</summary>
public static class PostOrderStatus
{
    public const string Matched = "matched";
    public const string Live = "live";
    public const string Delayed = "delayed";
    public const string Unmatched = "unmatched";
}
