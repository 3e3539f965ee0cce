using Microsoft.Extensions.Time.Testing;
using Polytraders.Polymarket.Clob;

namespace Polytraders.Venue.Tests.Clob;

public sealed class TokenBucketTests
{
    [Fact]
    public void a_full_bucket_admits_its_burst_then_makes_callers_wait_at_the_refill_rate()
    {
        var time = new FakeTimeProvider();
        var bucket = TokenBucket.PerWindow("POST /order burst", 3_500, TimeSpan.FromSeconds(10), time);

        var waits = Enumerable.Range(0, 3_502).Select(_ => bucket.Reserve()).ToList();

        Assert.All(waits.Take(3_500), w => Assert.Equal(TimeSpan.Zero, w));
        Assert.Equal(TimeSpan.FromSeconds(1 / 350.0), waits[3_500]);
        Assert.Equal(TimeSpan.FromSeconds(2 / 350.0), waits[3_501]);
    }

    [Fact]
    public void tokens_refill_with_time_up_to_the_capacity()
    {
        var time = new FakeTimeProvider();
        var bucket = new TokenBucket("b", capacity: 2, refillPerSecond: 1, time);
        bucket.Reserve();
        bucket.Reserve();

        time.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(TimeSpan.Zero, bucket.Reserve());
        Assert.Equal(TimeSpan.Zero, bucket.Reserve());
        Assert.Equal(TimeSpan.FromSeconds(1), bucket.Reserve());
    }

    [Fact]
    public void a_pause_holds_every_caller_until_it_ends()
    {
        var time = new FakeTimeProvider();
        var bucket = new TokenBucket("b", capacity: 100, refillPerSecond: 100, time);

        bucket.PauseUntil(time.GetUtcNow().AddSeconds(2));
        bucket.PauseUntil(time.GetUtcNow().AddSeconds(1));

        Assert.Equal(TimeSpan.FromSeconds(2), bucket.Reserve());
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(TimeSpan.Zero, bucket.Reserve());
    }

    [Fact]
    public void the_documented_limits_cover_every_endpoint_the_client_calls_with_its_own_bucket()
    {
        var limited = ClobRateLimits.Endpoints.Select(l => $"{l.Method} {l.Path}").ToHashSet();

        Assert.Contains("POST /order", limited);
        Assert.Contains("DELETE /cancel-all", limited);
        Assert.Equal(9_000, ClobRateLimits.General.Requests);
        Assert.Equal(60.0, ClobRateLimits.Endpoints.Single(l => l.Name == "POST /order sustained").Requests / ClobRateLimits.Endpoints.Single(l => l.Name == "POST /order sustained").Window.TotalSeconds);
    }
}
