using System.Globalization;
using System.Text.Json;
using Polytraders.Polymarket.Orders;

namespace Polytraders.Polymarket.Clob;

/// <summary>Public market data (no auth). Query names and answer shapes: py-clob-client-v2 client.py and rs-clob-client-v2 src/clob/types/response.rs.</summary>
public sealed partial class ClobRestClient
{
    /// <summary>GET /book?token_id=…</summary>
    public Task<OrderBookSummary> GetOrderBookAsync(string tokenId, CancellationToken cancellationToken = default) =>
        SendAsync<OrderBookSummary>(Get(ClobEndpoints.OrderBook, ("token_id", tokenId)), cancellationToken);

    /// <summary>GET /midpoint?token_id=… → {"mid": "0.5"}.</summary>
    public async Task<decimal> GetMidpointAsync(string tokenId, CancellationToken cancellationToken = default) =>
        (await SendAsync<MidpointAnswer>(Get(ClobEndpoints.Midpoint, ("token_id", tokenId)), cancellationToken).ConfigureAwait(false)).Mid;

    /// <summary>GET /price?token_id=…&amp;side=BUY|SELL → {"price": "0.5"}.</summary>
    public async Task<decimal> GetPriceAsync(string tokenId, OrderSide side, CancellationToken cancellationToken = default) =>
        (await SendAsync<PriceAnswer>(Get(ClobEndpoints.Price, ("token_id", tokenId), ("side", side == OrderSide.Buy ? "BUY" : "SELL")), cancellationToken).ConfigureAwait(false)).Price;

    /// <summary>GET /tick-size?token_id=… → {"minimum_tick_size": 0.01}.</summary>
    public async Task<decimal> GetTickSizeAsync(string tokenId, CancellationToken cancellationToken = default) =>
        (await SendAsync<TickSizeAnswer>(Get(ClobEndpoints.TickSize, ("token_id", tokenId)), cancellationToken).ConfigureAwait(false)).MinimumTickSize;

    /// <summary>GET /neg-risk?token_id=… → {"neg_risk": false}.</summary>
    public async Task<bool> GetNegRiskAsync(string tokenId, CancellationToken cancellationToken = default) =>
        (await SendAsync<NegRiskAnswer>(Get(ClobEndpoints.NegRisk, ("token_id", tokenId)), cancellationToken).ConfigureAwait(false)).NegRisk;

    /// <summary>GET /time: the server's Unix seconds, a bare number (py-clob-client-v2 get_server_time; its _get_timestamp also accepts {"time"}).</summary>
    public async Task<DateTimeOffset> GetServerTimeAsync(CancellationToken cancellationToken = default)
    {
        var request = Get(ClobEndpoints.Time);
        var body = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            if (root.ValueKind == JsonValueKind.Object && (root.TryGetProperty("time", out var t) || root.TryGetProperty("timestamp", out t)))
            {
                root = t;
            }

            var seconds = root.ValueKind == JsonValueKind.String
                ? long.Parse(root.GetString()!, NumberStyles.Integer, CultureInfo.InvariantCulture)
                : root.GetInt64();
            return DateTimeOffset.FromUnixTimeSeconds(seconds);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException or OverflowException)
        {
            throw new ClobApiException(ClobErrorKind.Unavailable, "GET /time answered with an unreadable body.");
        }
    }

    /// <summary>GET /prices-history?market=…&amp;interval=…|startTs=…&amp;endTs=…[&amp;fidelity=…] → {"history":[{"t":…,"p":…}]}.</summary>
    public Task<PriceHistory> GetPricesHistoryAsync(PriceHistoryQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentException.ThrowIfNullOrEmpty(query.TokenId);
        if (query.Interval is null && (query.Start is null || query.End is null))
        {
            throw new ArgumentException("Prices history needs an interval, or both a start and an end.", nameof(query));
        }

        if (query.Interval is { } interval && !PriceHistoryQuery.Intervals.Contains(interval))
        {
            throw new ArgumentException($"Interval '{interval}' is not one of max, 1w, 1d, 6h, 1h.", nameof(query));
        }

        var parameters = new List<KeyValuePair<string, string>> { new("market", query.TokenId) };
        if (query.Start is { } start)
        {
            parameters.Add(new("startTs", start.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));
        }

        if (query.End is { } end)
        {
            parameters.Add(new("endTs", end.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));
        }

        if (query.FidelityMinutes is { } fidelity)
        {
            parameters.Add(new("fidelity", fidelity.ToString(CultureInfo.InvariantCulture)));
        }

        if (query.Interval is { } i)
        {
            parameters.Add(new("interval", i));
        }

        return SendAsync<PriceHistory>(new ClobRequest(HttpMethod.Get, ClobEndpoints.PricesHistory) { Query = parameters }, cancellationToken);
    }

    private static ClobRequest Get(string path, params (string Name, string Value)[] query)
    {
        foreach (var (name, value) in query)
        {
            ArgumentException.ThrowIfNullOrEmpty(value, name);
        }

        return new ClobRequest(HttpMethod.Get, path) { Query = [.. query.Select(q => new KeyValuePair<string, string>(q.Name, q.Value))] };
    }

    private sealed record MidpointAnswer([property: System.Text.Json.Serialization.JsonPropertyName("mid")] decimal Mid);

    private sealed record PriceAnswer([property: System.Text.Json.Serialization.JsonPropertyName("price")] decimal Price);

    private sealed record TickSizeAnswer([property: System.Text.Json.Serialization.JsonPropertyName("minimum_tick_size")] decimal MinimumTickSize);

    private sealed record NegRiskAnswer([property: System.Text.Json.Serialization.JsonPropertyName("neg_risk")] bool NegRisk);
}
