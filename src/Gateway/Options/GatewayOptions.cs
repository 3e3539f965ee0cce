namespace Polytraders.Gateway.Options;

/// <summary>The <c>Gateway</c> configuration section, read by the standalone gateway and by a silo co-hosting it.</summary>
public sealed class GatewayOptions
{
    public const string SectionName = "Gateway";

    /// <summary>Clusters listed when no <see cref="ClusterIds"/> are configured.</summary>
    public static IReadOnlyList<string> DefaultClusterIds { get; } = ["crypto", "politics"];

    /// <summary>The Tenant of M2's one desk: the seeded Portfolios' own.</summary>
    public const string DeskTenant = "TEN-DESK";

    /// <summary>API keys by key: <c>Gateway:ApiKeys:&lt;key&gt;:Operator</c>, <c>:Role</c> and optionally <c>:Tenant</c>.</summary>
    public Dictionary<string, ApiKeyOptions> ApiKeys { get; init; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Clusters whose member markets make up <c>GET /api/v1/markets</c>. Null means <see cref="DefaultClusterIds"/>
    /// (a default list here would be appended to, not replaced, by the configuration binder).
    /// </summary>
    public List<string>? ClusterIds { get; set; }

    /// <summary>The Tenant of every API key that names none (<c>Gateway:DefaultTenant</c>).</summary>
    public string DefaultTenant { get; set; } = DeskTenant;

    /// <summary>Largest request body the gateway reads, in bytes.</summary>
    public int MaxBodyBytes { get; set; } = 64 * 1024;

    /// <summary>How long the readiness probe waits for the cluster.</summary>
    public TimeSpan ReadinessTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Requests per API key (reads, writes) and failed authentications per client address (<c>Gateway:RateLimits</c>).</summary>
    public RateLimitOptions RateLimits { get; init; } = new();

    /// <summary>How refused writes reach the audit chains without flooding them (<c>Gateway:RefusalAudit</c>).</summary>
    public RefusalAuditOptions RefusalAudit { get; init; } = new();

    public IReadOnlyList<string> EffectiveClusterIds => ClusterIds is { Count: > 0 } ids ? ids : DefaultClusterIds;
}

/// <summary>
/// The gateway's rate limits (ASP.NET Core's rate limiter). Defaults are far above what a person, a script of the README
/// or a dashboard sends, and far below a flood: 200 reads and 60 writes at once per key, refilled at 100 and 20 a second;
/// 20 failed authentications per client address a minute, after which the address is refused (429) until the minute ends.
/// </summary>
public sealed class RateLimitOptions
{
    /// <summary>Off only for a gateway behind a proxy that limits on its own.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>GET and HEAD requests, per API key.</summary>
    public TokenBucketLimit Reads { get; init; } = new() { TokenLimit = 200, TokensPerPeriod = 100 };

    /// <summary>Every other method (launch, stop, relaunch, trading state, Backtests), per API key, refused writes included.</summary>
    public TokenBucketLimit Writes { get; init; } = new() { TokenLimit = 60, TokensPerPeriod = 20 };

    /// <summary>Unknown or malformed API keys, per client address: past the limit every key from the address is refused until the window ends.</summary>
    public FixedWindowLimit FailedAuthentication { get; init; } = new() { PermitLimit = 20, Window = TimeSpan.FromMinutes(1) };
}

/// <summary>A token bucket: <see cref="TokenLimit"/> requests at once, refilled by <see cref="TokensPerPeriod"/> every <see cref="ReplenishmentPeriod"/>.</summary>
public sealed class TokenBucketLimit
{
    public int TokenLimit { get; set; } = 100;

    public int TokensPerPeriod { get; set; } = 50;

    public TimeSpan ReplenishmentPeriod { get; set; } = TimeSpan.FromSeconds(1);
}

/// <summary>At most <see cref="PermitLimit"/> in each <see cref="Window"/>.</summary>
public sealed class FixedWindowLimit
{
    public int PermitLimit { get; set; } = 20;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>
/// Refusals of the same caller (API key), reason code and Portfolio within <see cref="Window"/> become one envelope
/// with a count: the first is appended at once, the others are counted and appended as one summary when the window
/// closes (or at the caller's next refusal after it).
/// </summary>
public sealed class RefusalAuditOptions
{
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>Who an API key speaks for.</summary>
public sealed class ApiKeyOptions
{
    /// <summary>An operator or reviewer login, e.g. <c>alice</c>.</summary>
    public string Operator { get; set; } = "";

    /// <summary><c>operator</c> or <c>reviewer</c>.</summary>
    public string Role { get; set; } = "";

    /// <summary>The Tenant the key speaks for (e.g. <c>TEN-DESK</c>); unset: <see cref="GatewayOptions.DefaultTenant"/>.</summary>
    public string? Tenant { get; set; }
}
