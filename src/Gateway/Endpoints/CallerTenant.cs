using System.Security.Claims;
using Polytraders.Contracts;
using Polytraders.Gateway.Auth;
using Polytraders.Gateway.Problems;

namespace Polytraders.Gateway.Endpoints;

/// <summary>A body that names a Tenant writes into it: only the caller's own (the Tenant their API key speaks for).</summary>
internal static class CallerTenant
{
    /// <param name="path">Where the body names its Tenant, e.g. <c>#/tenant_id</c>.</param>
    /// <returns>The 400 when <paramref name="tenantId"/> is another Tenant; null when it is the caller's.</returns>
    public static IResult? Refuses(ClaimsPrincipal user, string tenantId, string path)
    {
        var callers = GatewayClaims.TenantIdOf(user);
        return string.Equals(tenantId, callers, StringComparison.Ordinal)
            ? null
            : GatewayProblem.Result(GatewayProblem.ForInvalid(ReasonCodes.GovInvalidRequest, "TenantMismatch", path, $"tenant_id '{tenantId}' is not the caller's Tenant ('{callers}')."));
    }
}
