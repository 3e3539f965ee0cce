using System.Collections.Frozen;

namespace Polytraders.Polymarket.Clob;

/// <summary>
/// Client-side pacing at the documented limits: a request waits until the general bucket and every bucket of its
/// endpoint have a token. A 429's Retry-After pauses the buckets of that endpoint (or the general one) for everyone.
/// </summary>
public sealed class ClobRateLimiter
{
    private readonly TimeProvider _time;
    private readonly TokenBucket _general;
    private readonly FrozenDictionary<(string Method, string Path), TokenBucket[]> _endpoints;

    public ClobRateLimiter(TimeProvider time)
        : this(time, ClobRateLimits.General, ClobRateLimits.Endpoints)
    {
    }

    public ClobRateLimiter(TimeProvider time, ClobRateLimit general, IEnumerable<ClobRateLimit> endpoints)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(general);
        ArgumentNullException.ThrowIfNull(endpoints);
        _time = time;
        _general = TokenBucket.PerWindow(general.Name, general.Requests, general.Window, time);
        _endpoints = endpoints
            .Where(l => l.Method is not null && l.Path is not null)
            .GroupBy(l => (l.Method!.Method, l.Path!))
            .ToFrozenDictionary(g => g.Key, g => g.Select(l => TokenBucket.PerWindow(l.Name, l.Requests, l.Window, time)).ToArray());
    }

    /// <summary>Waits for a token for <paramref name="method"/> <paramref name="path"/>.</summary>
    public async ValueTask AcquireAsync(HttpMethod method, string path, CancellationToken cancellationToken)
    {
        var wait = _general.Reserve();
        foreach (var bucket in BucketsOf(method, path))
        {
            var own = bucket.Reserve();
            wait = own > wait ? own : wait;
        }

        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Holds back every later request to this endpoint until <paramref name="until"/>.</summary>
    public void PauseUntil(HttpMethod method, string path, DateTimeOffset until)
    {
        var buckets = BucketsOf(method, path);
        if (buckets.Length == 0)
        {
            _general.PauseUntil(until);
            return;
        }

        foreach (var bucket in buckets)
        {
            bucket.PauseUntil(until);
        }
    }

    private TokenBucket[] BucketsOf(HttpMethod method, string path) =>
        _endpoints.TryGetValue((method.Method, path), out var buckets) ? buckets : [];
}
