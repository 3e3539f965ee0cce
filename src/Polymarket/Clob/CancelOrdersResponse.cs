using System.Text.Json.Serialization;

namespace Polytraders.Polymarket.Clob;

/// <summary>
/// DELETE /order and DELETE /cancel-all answer: the ids cancelled and, for the rest, why not. Source:
/// CancelOrdersResponse in rs-clob-client-v2 src/clob/types/response.rs (canceled, not_canceled).
/// </summary>
public sealed record CancelOrdersResponse
{
    [JsonPropertyName("canceled")]
    public IReadOnlyList<string> Canceled { get; init; } = [];

    [JsonPropertyName("not_canceled")]
    public IReadOnlyDictionary<string, string> NotCanceled { get; init; } = new Dictionary<string, string>();
}
