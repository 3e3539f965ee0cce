using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Polytraders.Gateway.Options;

namespace Polytraders.Gateway.RateLimiting;

/// <summary>
/// Failed authentications per client address (<c>Gateway:RateLimits:FailedAuthentication</c>), a fixed window of the
/// rate limiter: each unknown or malformed key takes a permit, and once the window's permits are spent every request
/// from the address that presents a key is refused with 429 until the window ends, a right key included, so guessing
/// stops paying off.
/// </summary>
internal sealed class FailedAuthenticationLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string>? _limiter;

    public FailedAuthenticationLimiter(IOptions<GatewayOptions> options)
    {
        var limits = options.Value.RateLimits;
        if (!limits.Enabled)
        {
            return;
        }

        var window = limits.FailedAuthentication;
        _limiter = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = window.PermitLimit,
            Window = window.Window,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
    }

    /// <summary>The client address a limit counts against (the connection's; a proxy in front must forward it).</summary>
    public static string AddressOf(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>True when <paramref name="address"/> has spent its failures for this window; <paramref name="retryAfter"/> says for how long.</summary>
    public bool IsLockedOut(string address, out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        if (_limiter is null)
        {
            return false;
        }

        // Zero permits asks only whether any are left.
        using var lease = _limiter.AttemptAcquire(address, 0);
        return !lease.IsAcquired && RetryAfter(lease, out retryAfter);
    }

    /// <summary>Counts one failure of <paramref name="address"/>; true when it was one too many (the caller gets 429).</summary>
    public bool RecordFailure(string address, out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        if (_limiter is null)
        {
            return false;
        }

        using var lease = _limiter.AttemptAcquire(address);
        return !lease.IsAcquired && RetryAfter(lease, out retryAfter);
    }

    private static bool RetryAfter(RateLimitLease lease, out TimeSpan retryAfter)
    {
        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(1);
        return true;
    }

    public void Dispose() => _limiter?.Dispose();
}
