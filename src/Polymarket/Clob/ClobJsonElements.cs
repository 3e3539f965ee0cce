using System.Globalization;
using System.Text.Json;
using Polytraders.Polymarket.Orders;

namespace Polytraders.Polymarket.Clob;

/// <summary>Tolerant field access on websocket frames, whose numbers come as strings or numbers.</summary>
internal static class ClobJsonElements
{
    public static string? String(this JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) ? v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number => v.GetRawText(),
            _ => null,
        } : null;

    public static decimal? Decimal(this JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) ? v.ValueKind switch
        {
            JsonValueKind.Number => v.GetDecimal(),
            JsonValueKind.String when ClobJson.TryParseDecimal(v.GetString(), out var d) => d,
            _ => null,
        } : null;

    public static long? Int64(this JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) ? v.ValueKind switch
        {
            JsonValueKind.Number when v.TryGetInt64(out var n) => n,
            JsonValueKind.String when long.TryParse(v.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) => n,
            _ => null,
        } : null;

    /// <summary>A Unix-milliseconds field; <paramref name="fallback"/> when absent.</summary>
    public static DateTimeOffset Millis(this JsonElement e, string name, DateTimeOffset fallback) =>
        e.Int64(name) is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : fallback;

    public static OrderSide? SideOf(this JsonElement e, string name) => e.String(name)?.ToUpperInvariant() switch
    {
        "BUY" => OrderSide.Buy,
        "SELL" => OrderSide.Sell,
        _ => null,
    };

    public static IReadOnlyList<string> Strings(this JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array
            ? [.. v.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!)]
            : [];

    /// <summary>The objects of a frame: the frame itself, or each object of an array frame.</summary>
    public static IEnumerable<JsonElement> Objects(JsonElement root) => root.ValueKind switch
    {
        JsonValueKind.Object => [root],
        JsonValueKind.Array => root.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.Object),
        _ => [],
    };
}
