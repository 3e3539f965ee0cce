using System.Security.Claims;

namespace Polytraders.Gateway.Auth;

/// <summary>The roles an API key may carry. Operators read and write; reviewers only read.</summary>
public static class GatewayRoles
{
    public const string Operator = "operator";
    public const string Reviewer = "reviewer";

    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal) { Operator, Reviewer };
}

/// <summary>Authorization policies of the gateway's endpoints.</summary>
public static class GatewayPolicies
{
    /// <summary>Writes: launching, stopping, relaunching, trading-state changes.</summary>
    public const string Operator = "operator";

    /// <summary>Reads: every authenticated caller (operators can read too).</summary>
    public const string Reviewer = "reviewer";
}

/// <summary>Claims the API-key handler puts on the caller.</summary>
internal static class GatewayClaims
{
    /// <summary>The login of the caller, e.g. <c>alice</c>.</summary>
    public const string OperatorId = ClaimTypes.NameIdentifier;

    public const string Role = ClaimTypes.Role;

    /// <summary>Which API key authenticated the caller, as <see cref="ApiKeyIdentity.KeyId"/> (never the key).</summary>
    public const string KeyId = "polytraders:key_id";

    public static string? KeyIdOf(ClaimsPrincipal user) => user.FindFirstValue(KeyId);

    /// <summary>The Tenant the caller's API key speaks for, e.g. <c>TEN-DESK</c>.</summary>
    public const string TenantId = "polytraders:tenant_id";

    public static string TenantIdOf(ClaimsPrincipal user) =>
        user.FindFirstValue(TenantId) ?? throw new InvalidOperationException("The caller is not authenticated by an API key.");

    public static string OperatorIdOf(ClaimsPrincipal user) =>
        user.FindFirstValue(OperatorId) ?? throw new InvalidOperationException("The caller is not authenticated by an API key.");

    public static string RoleOf(ClaimsPrincipal user) => user.FindFirstValue(Role) ?? "anonymous";

    /// <summary>How audit envelopes and grains name the caller: <c>operator:alice</c>, <c>reviewer:bob</c>.</summary>
    public static string ActorOf(ClaimsPrincipal user) => $"{RoleOf(user)}:{user.FindFirstValue(OperatorId) ?? "unknown"}";
}
