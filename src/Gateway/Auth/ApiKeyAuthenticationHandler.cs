using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Polytraders.Contracts;
using Polytraders.Gateway.Problems;

namespace Polytraders.Gateway.Auth;

/// <summary>Authenticates <c>Authorization: Bearer &lt;key&gt;</c> against <c>Gateway:ApiKeys</c>; answers 401/403 as problem details.</summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    ApiKeyRegistry registry,
    GatewayProblemWriter problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "PolytradersApiKey";

    private const string BearerPrefix = "Bearer ";

    private readonly ILogger _log = loggerFactory.CreateLogger<ApiKeyAuthenticationHandler>();

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var headers = Request.Headers.Authorization;
        if (headers.Count == 0)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (headers.Count > 1
            || headers[0] is not { } header
            || !header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase)
            || header.AsSpan(BearerPrefix.Length).Trim().IsEmpty)
        {
            GatewayLog.MalformedAuthorization(_log, Request.Method, Request.Path);
            return Task.FromResult(AuthenticateResult.Fail("The Authorization header is not 'Bearer <key>'."));
        }

        var key = header[BearerPrefix.Length..].Trim();
        if (!registry.TryFind(key, out var identity))
        {
            GatewayLog.UnknownApiKey(_log, Request.Method, Request.Path);
            return Task.FromResult(AuthenticateResult.Fail("Unknown API key."));
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(
            [
                new Claim(GatewayClaims.OperatorId, identity.OperatorId),
                new Claim(ClaimTypes.Name, identity.OperatorId),
                new Claim(GatewayClaims.Role, identity.Role),
            ],
            SchemeName,
            ClaimTypes.Name,
            GatewayClaims.Role));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        var presented = Request.Headers.Authorization.Count > 0;
        Response.Headers.WWWAuthenticate = presented
            ? "Bearer realm=\"polytraders\", error=\"invalid_token\""
            : "Bearer realm=\"polytraders\"";
        var detail = presented
            ? result.Failure?.Message ?? "The API key was not accepted."
            : "Send 'Authorization: Bearer <key>' with a configured API key.";
        await problems.WriteAsync(Context, GatewayProblem.For(ReasonCodes.SecUnauthenticated, detail));
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        var detail = $"Role '{GatewayClaims.RoleOf(Context.User)}' may not {Request.Method} {Request.Path}; this needs the {GatewayRoles.Operator} role.";
        await problems.WriteAsync(Context, GatewayProblem.For(ReasonCodes.SecForbiddenRole, detail));
    }
}
