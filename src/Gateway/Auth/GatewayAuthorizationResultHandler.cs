using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Polytraders.Gateway.Auditing;

namespace Polytraders.Gateway.Auth;

/// <summary>Audits a refused write on a gateway endpoint before the 403 goes out; everything else as ASP.NET does it.</summary>
internal sealed class GatewayAuthorizationResultHandler(ForbiddenAttemptAuditor auditor) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden
            && context.User.Identity?.IsAuthenticated == true
            && context.GetEndpoint()?.Metadata.GetMetadata<GatewayEndpointMetadata>() is not null)
        {
            await auditor.RecordAsync(context);
        }

        await _default.HandleAsync(next, context, policy, authorizeResult);
    }
}

/// <summary>Marks the endpoints of the gateway, so a co-hosting silo's own endpoints are left as they are.</summary>
internal sealed class GatewayEndpointMetadata
{
    public static GatewayEndpointMetadata Instance { get; } = new();
}
