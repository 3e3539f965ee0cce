using System.ComponentModel.DataAnnotations;

namespace Polytraders.Polymarket.Clob;

/// <summary>
/// Where the Polymarket CLOB is and how patiently to talk to it (section "Clob"). The defaults are the production
/// hosts: REST https://clob.polymarket.com (py-clob-client-v2 README, clob-openapi.yaml "servers") and the websocket
/// channels wss://ws-subscriptions-clob.polymarket.com/ws/market and /ws/user (docs.polymarket.com
/// market-data/websocket/overview). Tests point all three at a loopback fake.
/// </summary>
public sealed class ClobOptions
{
    public const string Section = "Clob";

    [Required]
    public Uri BaseUrl { get; set; } = new("https://clob.polymarket.com");

    [Required]
    public Uri MarketWebSocketUrl { get; set; } = new("wss://ws-subscriptions-clob.polymarket.com/ws/market");

    [Required]
    public Uri UserWebSocketUrl { get; set; } = new("wss://ws-subscriptions-clob.polymarket.com/ws/user");

    /// <summary>137 (Polygon) or 80002 (Amoy); must match the chain the orders were signed for.</summary>
    public long ChainId { get; set; } = 137;

    /// <summary>One attempt of one request, connect to last byte.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Further attempts of an idempotent GET after a timeout, a network error, 408, 429 or 5xx. POST /order is never retried.</summary>
    [Range(0, 10)]
    public int MaxGetRetries { get; set; } = 3;

    /// <summary>First backoff between GET attempts; doubles per attempt, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Longest single wait between GET attempts; a Retry-After beyond it ends the retries instead.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Pace requests at the documented limits on this side (ClobRateLimits); off only for diagnostics.</summary>
    public bool EnforceRateLimits { get; set; } = true;

    /// <summary>
    /// Keepalive: the text frame "PING" the server answers with "PONG". The docs ask for one every 10 s
    /// (docs.polymarket.com market-data/websocket/overview); rs-clob-client-v2 src/ws/config.rs sends every 5 s.
    /// </summary>
    public TimeSpan PingInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A socket that delivered no frame (not even a PONG) for this long is dropped and reconnected.</summary>
    public TimeSpan StaleConnectionTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Reconnect backoff: 1 s doubling to 60 s, as rs-clob-client-v2 src/ws/config.rs (ReconnectConfig).</summary>
    public TimeSpan ReconnectInitialDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>signature_type sent with GET /balance-allowance (0 EOA, 1 proxy, 2 safe, 3 deposit wallet).</summary>
    [Range(0, 3)]
    public int SignatureType { get; set; }
}
