namespace Polytraders.Polymarket.Clob;

/// <summary>One documented limit: at most <paramref name="Requests"/> per <paramref name="Window"/> on (<paramref name="Method"/>, <paramref name="Path"/>).</summary>
public sealed record ClobRateLimit(string Name, HttpMethod? Method, string? Path, int Requests, TimeSpan Window);

/// <summary>
/// The CLOB's published limits. Source: docs.polymarket.com/api-reference/rate-limits ("CLOB API": general 9,000/10 s;
/// /book, /price, /midpoint 1,500/10 s; /prices-history 1,000/10 s; market tick size 200/10 s; /data/orders and
/// /data/trades 500/10 s; GET balance allowance 200/10 s; API key endpoints 100/10 s; trading endpoints with a burst and
/// a sustained limit: POST /order 3,500/10 s and 36,000/10 min, DELETE /order 3,000/10 s and 30,000/10 min,
/// DELETE /cancel-all 250/10 s and 6,000/10 min). The per-signer order/cancel token buckets of
/// docs.polymarket.com/api-reference/trading-rate-limits depend on the account's volume tier (header
/// Poly-RateLimit-Tier) and are not modelled; a 429 from them is honoured through Retry-After.
/// </summary>
public static class ClobRateLimits
{
    private static readonly TimeSpan TenSeconds = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan TenMinutes = TimeSpan.FromMinutes(10);

    /// <summary>Applies to every CLOB request.</summary>
    public static readonly ClobRateLimit General = new("clob general", null, null, 9_000, TenSeconds);

    public static readonly IReadOnlyList<ClobRateLimit> Endpoints =
    [
        new("GET /book", HttpMethod.Get, ClobEndpoints.OrderBook, 1_500, TenSeconds),
        new("GET /price", HttpMethod.Get, ClobEndpoints.Price, 1_500, TenSeconds),
        new("GET /midpoint", HttpMethod.Get, ClobEndpoints.Midpoint, 1_500, TenSeconds),
        new("GET /prices-history", HttpMethod.Get, ClobEndpoints.PricesHistory, 1_000, TenSeconds),
        new("GET /tick-size", HttpMethod.Get, ClobEndpoints.TickSize, 200, TenSeconds),
        new("GET /data/orders", HttpMethod.Get, ClobEndpoints.OpenOrders, 500, TenSeconds),
        new("GET /data/trades", HttpMethod.Get, ClobEndpoints.Trades, 500, TenSeconds),
        new("GET /balance-allowance", HttpMethod.Get, ClobEndpoints.BalanceAllowance, 200, TenSeconds),
        new("POST /auth/api-key", HttpMethod.Post, ClobEndpoints.CreateApiKey, 100, TenSeconds),
        new("GET /auth/derive-api-key", HttpMethod.Get, ClobEndpoints.DeriveApiKey, 100, TenSeconds),
        new("POST /order burst", HttpMethod.Post, ClobEndpoints.PostOrder, 3_500, TenSeconds),
        new("POST /order sustained", HttpMethod.Post, ClobEndpoints.PostOrder, 36_000, TenMinutes),
        new("DELETE /order burst", HttpMethod.Delete, ClobEndpoints.CancelOrder, 3_000, TenSeconds),
        new("DELETE /order sustained", HttpMethod.Delete, ClobEndpoints.CancelOrder, 30_000, TenMinutes),
        new("DELETE /cancel-all burst", HttpMethod.Delete, ClobEndpoints.CancelAll, 250, TenSeconds),
        new("DELETE /cancel-all sustained", HttpMethod.Delete, ClobEndpoints.CancelAll, 6_000, TenMinutes),
    ];
}
