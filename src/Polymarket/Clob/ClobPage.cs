using System.Text.Json.Serialization;

namespace Polytraders.Polymarket.Clob;

/// <summary>
/// One page of a cursor-paginated CLOB list (GET /data/orders, /data/trades). Source: PaginationPayload in
/// clob-client-v2 src/types/clob.ts (limit, count, next_cursor, data); the last page's next_cursor is "LTE=".
/// </summary>
public sealed record ClobPage<T>
{
    [JsonPropertyName("data")]
    public IReadOnlyList<T> Data { get; init; } = [];

    [JsonPropertyName("next_cursor")]
    public string NextCursor { get; init; } = ClobEndpoints.EndCursor;

    [JsonPropertyName("limit")]
    public int Limit { get; init; }

    [JsonPropertyName("count")]
    public int Count { get; init; }

    public bool IsLast => NextCursor is ClobEndpoints.EndCursor or "";
}
