using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Polytraders.Contracts;
using Polytraders.Gateway.Auth;
using Polytraders.Gateway.Options;
using Polytraders.Gateway.Problems;
using Polytraders.Gateway.Telemetry;

namespace Polytraders.Gateway.RateLimiting;

/// <summary>
/// The rate limit of every <c>/api/v1</c> route: a token bucket per API key for reads (GET, HEAD) and another for writes
/// (everything else), from <c>Gateway:RateLimits</c>. It runs after authentication and before authorization, so a
/// reviewer's refused writes spend write tokens too. Unauthenticated requests are not limited here: they are refused
/// (401), and their failures are limited per address by <see cref="FailedAuthenticationLimiter"/>.
/// </summary>
internal sealed class ApiKeyRateLimitPolicy(IOptions<GatewayOptions> options, GatewayProblemWriter problems, ILogger<ApiKeyRateLimitPolicy> log) : IRateLimiterPolicy<string>
{
    public const string Name = "polytraders-api-key";

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => async (rejected, _) =>
    {
        var context = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(1);
        GatewayMetrics.Refused(IsRead(context.Request.Method) ? "reads" : "writes");
        GatewayLog.RateLimited(log, GatewayClaims.ActorOf(context.User), context.Request.Method, context.Request.Path, Seconds(retryAfter));
        await WriteAsync(context, problems, retryAfter, $"Too many {(IsRead(context.Request.Method) ? "reads" : "writes")} with this API key; retry after {Seconds(retryAfter)} s.");
    };

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        var limits = options.Value.RateLimits;
        if (!limits.Enabled || GatewayClaims.KeyIdOf(httpContext.User) is not { } keyId)
        {
            return RateLimitPartition.GetNoLimiter("unauthenticated");
        }

        var read = IsRead(httpContext.Request.Method);
        var bucket = read ? limits.Reads : limits.Writes;
        return RateLimitPartition.GetTokenBucketLimiter((read ? "read:" : "write:") + keyId, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = bucket.TokenLimit,
            TokensPerPeriod = bucket.TokensPerPeriod,
            ReplenishmentPeriod = bucket.ReplenishmentPeriod,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    /// <summary>429 SEC_RATE_LIMITED with <c>Retry-After</c> in whole seconds (at least 1).</summary>
    public static Task WriteAsync(HttpContext context, GatewayProblemWriter problems, TimeSpan retryAfter, string detail)
    {
        context.Response.Headers.RetryAfter = Seconds(retryAfter).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return problems.WriteAsync(context, GatewayProblem.For(ReasonCodes.SecRateLimited, detail));
    }

    public static int Seconds(TimeSpan retryAfter) => Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));

    private static bool IsRead(string method) => HttpMethods.IsGet(method) || HttpMethods.IsHead(method);
}
