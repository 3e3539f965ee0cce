using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Polytraders.Contracts;
using Polytraders.Gateway.Problems;
using Polytraders.Gateway.RateLimiting;
using Polytraders.Gateway.Telemetry;

namespace Polytraders.Gateway.Auth;

/// <summary>
/// Authenticates <c>Authorization: Bearer &lt;key&gt;</c> against <c>Gateway:ApiKeys</c>; answers 401/403 as problem details.
/// Every unknown or malformed key counts against the client address (<see cref="FailedAuthenticationLimiter"/>): past
/// the limit the address gets 429 SEC_RATE_LIMITED with <c>Retry-After</c>, whatever key it sends. A failed
/// authentication logs at Debug only (a guessing client must not fill the log), ASP.NET Core's own lines of this
/// handler included.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    ApiKeyRegistry registry,
    FailedAuthenticationLimiter failures,
    GatewayProblemWriter problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, new InformationAsDebugLoggerFactory(loggerFactory), encoder)
{
    public const string SchemeName = "PolytradersApiKey";

    private const string BearerPrefix = "Bearer ";

    /// <summary>Set on a request refused for its address's failures; the challenge answers 429 instead of 401.</summary>
    private static readonly object RateLimitedItem = new();

    private readonly ILogger _log = loggerFactory.CreateLogger<ApiKeyAuthenticationHandler>();

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var headers = Request.Headers.Authorization;
        if (headers.Count == 0)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var address = FailedAuthenticationLimiter.AddressOf(Context);
        if (failures.IsLockedOut(address, out var lockedFor))
        {
            GatewayLog.AuthenticationLockedOut(_log, Request.Method, Request.Path, address, ApiKeyRateLimitPolicy.Seconds(lockedFor));
            return Task.FromResult(RateLimited(lockedFor));
        }

        if (headers.Count > 1
            || headers[0] is not { } header
            || !header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase)
            || header.AsSpan(BearerPrefix.Length).Trim().IsEmpty)
        {
            GatewayLog.MalformedAuthorization(_log, Request.Method, Request.Path);
            return Task.FromResult(Failed(address, "The Authorization header is not 'Bearer <key>'."));
        }

        var key = header[BearerPrefix.Length..].Trim();
        if (!registry.TryFind(key, out var identity))
        {
            GatewayLog.UnknownApiKey(_log, Request.Method, Request.Path);
            return Task.FromResult(Failed(address, "Unknown API key."));
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(
            [
                new Claim(GatewayClaims.OperatorId, identity.OperatorId),
                new Claim(ClaimTypes.Name, identity.OperatorId),
                new Claim(GatewayClaims.Role, identity.Role),
                new Claim(GatewayClaims.KeyId, identity.KeyId),
                new Claim(GatewayClaims.TenantId, identity.TenantId),
            ],
            SchemeName,
            ClaimTypes.Name,
            GatewayClaims.Role));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        if (Context.Items[RateLimitedItem] is TimeSpan retryAfter)
        {
            await ApiKeyRateLimitPolicy.WriteAsync(
                Context,
                problems,
                retryAfter,
                $"Too many failed authentications from this address; every key is refused from it for {ApiKeyRateLimitPolicy.Seconds(retryAfter)} s.");
            return;
        }

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

    /// <summary>A failure, counted against the address; the one past the limit is answered as rate limited.</summary>
    private AuthenticateResult Failed(string address, string message)
    {
        GatewayMetrics.AuthenticationFailures.Add(1);
        if (failures.RecordFailure(address, out var retryAfter))
        {
            GatewayLog.AuthenticationLockedOut(_log, Request.Method, Request.Path, address, ApiKeyRateLimitPolicy.Seconds(retryAfter));
            return RateLimited(retryAfter);
        }

        return AuthenticateResult.Fail(message);
    }

    private AuthenticateResult RateLimited(TimeSpan retryAfter)
    {
        GatewayMetrics.Refused("failed_authentication");
        Context.Items[RateLimitedItem] = retryAfter;
        return AuthenticateResult.Fail("Too many failed authentications from this address.");
    }
}

/// <summary>
/// Hands ASP.NET Core's authentication handler a logger whose Information lines (not authenticated, challenged,
/// forbidden: one each per refused request) are written at Debug. Warnings and errors pass as they are.
/// </summary>
internal sealed class InformationAsDebugLoggerFactory(ILoggerFactory inner) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => new Demoting(inner.CreateLogger(categoryName));

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public void Dispose()
    {
        // The inner factory belongs to the host.
    }

    private sealed class Demoting(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(Demote(logLevel));

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            inner.Log(Demote(logLevel), eventId, state, exception, formatter);

        private static LogLevel Demote(LogLevel level) => level == LogLevel.Information ? LogLevel.Debug : level;
    }
}
