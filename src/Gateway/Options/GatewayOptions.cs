namespace Polytraders.Gateway.Options;

/// <summary>The <c>Gateway</c> configuration section, read by the standalone gateway and by a silo co-hosting it.</summary>
public sealed class GatewayOptions
{
    public const string SectionName = "Gateway";

    /// <summary>Clusters listed when no <see cref="ClusterIds"/> are configured.</summary>
    public static IReadOnlyList<string> DefaultClusterIds { get; } = ["crypto", "politics"];

    /// <summary>API keys by key: <c>Gateway:ApiKeys:&lt;key&gt;:Operator</c> and <c>Gateway:ApiKeys:&lt;key&gt;:Role</c>.</summary>
    public Dictionary<string, ApiKeyOptions> ApiKeys { get; init; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Clusters whose member markets make up <c>GET /api/v1/markets</c>. Null means <see cref="DefaultClusterIds"/>
    /// (a default list here would be appended to, not replaced, by the configuration binder).
    /// </summary>
    public List<string>? ClusterIds { get; set; }

    /// <summary>Largest request body the gateway reads, in bytes.</summary>
    public int MaxBodyBytes { get; set; } = 64 * 1024;

    /// <summary>How long the readiness probe waits for the cluster.</summary>
    public TimeSpan ReadinessTimeout { get; set; } = TimeSpan.FromSeconds(5);

    public IReadOnlyList<string> EffectiveClusterIds => ClusterIds is { Count: > 0 } ids ? ids : DefaultClusterIds;
}

/// <summary>Who an API key speaks for.</summary>
public sealed class ApiKeyOptions
{
    /// <summary>An operator or reviewer login, e.g. <c>alice</c>.</summary>
    public string Operator { get; set; } = "";

    /// <summary><c>operator</c> or <c>reviewer</c>.</summary>
    public string Role { get; set; } = "";
}
