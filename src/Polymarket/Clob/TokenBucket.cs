namespace Polytraders.Polymarket.Clob;

/// <summary>
/// A token bucket: <see cref="Capacity"/> tokens, refilled continuously at <see cref="RefillPerSecond"/>. A caller
/// reserves its tokens up front and is told how long to wait for them, so waiting callers are served in order and
/// none can starve. <see cref="PauseUntil"/> holds every caller back until an instant (a venue's Retry-After).
/// </summary>
public sealed class TokenBucket
{
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private double _tokens;
    private long _refilledAt;
    private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;

    public TokenBucket(string name, double capacity, double refillPerSecond, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(refillPerSecond);
        ArgumentNullException.ThrowIfNull(time);
        Name = name;
        Capacity = capacity;
        RefillPerSecond = refillPerSecond;
        _time = time;
        _tokens = capacity;
        _refilledAt = time.GetTimestamp();
    }

    /// <summary>A bucket admitting <paramref name="requests"/> per <paramref name="window"/>, all of them at once when full.</summary>
    public static TokenBucket PerWindow(string name, int requests, TimeSpan window, TimeProvider time) =>
        new(name, requests, requests / window.TotalSeconds, time);

    public string Name { get; }

    public double Capacity { get; }

    public double RefillPerSecond { get; }

    /// <summary>Takes <paramref name="cost"/> tokens, going into debt if need be, and returns how long the caller must wait before it may go.</summary>
    public TimeSpan Reserve(double cost = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(cost);
        lock (_gate)
        {
            var now = _time.GetTimestamp();
            _tokens = Math.Min(Capacity, _tokens + (_time.GetElapsedTime(_refilledAt, now).TotalSeconds * RefillPerSecond));
            _refilledAt = now;
            _tokens -= cost;
            var forTokens = _tokens >= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(-_tokens / RefillPerSecond);
            var forPause = _pausedUntil - _time.GetUtcNow();
            return forPause > forTokens ? forPause : forTokens;
        }
    }

    /// <summary>Makes every caller wait until <paramref name="until"/> (never shortens an existing pause).</summary>
    public void PauseUntil(DateTimeOffset until)
    {
        lock (_gate)
        {
            if (until > _pausedUntil)
            {
                _pausedUntil = until;
            }
        }
    }
}
