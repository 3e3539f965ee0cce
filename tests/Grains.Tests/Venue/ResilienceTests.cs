using System.Diagnostics;
using Polytraders.Contracts;
using Polytraders.Venue.Tests.Fake;
using Polytraders.Venue.Tests.Support;

namespace Polytraders.Grains.Tests.Venue;

/// <summary>An order the venue throttles or fails: our venue answers EXEC_VENUE_UNAVAILABLE and never posts it again.</summary>
public sealed class ResilienceTests
{
    [Fact]
    public async Task a_429_on_post_order_is_unavailable_never_retried_and_the_next_order_waits_out_retry_after()
    {
        await using var rig = await ClobRig.StartAsync();
        var market = TestMarkets.Standard(rig.Clob);
        using var wallet = new TestWallet(rig.Clob);
        rig.Clob.State.OrderLimit = 1;
        // A window wide enough that the second order lands in it even on a loaded machine; the third waits out Retry-After.
        rig.Clob.State.OrderWindow = TimeSpan.FromSeconds(3);
        rig.Clob.State.OrderRetryAfterSeconds = 3;
        var venue = rig.Venue(wallet);
        var state = TestWallet.StateOf(market);

        var first = wallet.Contract(market, TestWallet.Intent(market, Side.Buy, 0.40m, 10m));
        var second = wallet.Contract(market, TestWallet.Intent(market, Side.Buy, 0.41m, 10m));
        var third = wallet.Contract(market, TestWallet.Intent(market, Side.Buy, 0.42m, 10m));
        Assert.True((await venue.SubmitAsync(first.Order, first.Intent, state, CancellationToken.None)).Accepted);
        var throttled = await venue.SubmitAsync(second.Order, second.Intent, state, CancellationToken.None);
        await Task.Delay(300);
        Assert.Equal(2, rig.Clob.State.RequestsTo("POST", "/order").Count);

        var clock = Stopwatch.StartNew();
        var afterwards = await venue.SubmitAsync(third.Order, third.Intent, state, CancellationToken.None);

        Assert.Equal((false, ReasonCodes.ExecVenueUnavailable), (throttled.Accepted, throttled.ReasonCode));
        Assert.Contains("429, retry after 3 s", throttled.Detail);
        Assert.True(afterwards.Accepted, afterwards.Detail);
        var posts = rig.Clob.State.RequestsTo("POST", "/order");
        Assert.Equal([200, 429, 200], posts.Select(p => p.Status));
        Assert.True(posts[2].At - posts[1].At >= TimeSpan.FromMilliseconds(2900), $"the next order went after {(posts[2].At - posts[1].At).TotalMilliseconds} ms");
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(2500));
    }

    [Fact]
    public async Task a_post_order_failing_with_503_is_unavailable_and_not_retried()
    {
        await using var rig = await ClobRig.StartAsync();
        var market = TestMarkets.Standard(rig.Clob);
        using var wallet = new TestWallet(rig.Clob);
        rig.Clob.State.Inject(new InjectedFailure { Method = "POST", Path = "/order", Status = 503, Remaining = 5 });
        var (order, intent) = wallet.Contract(market, TestWallet.Intent(market, Side.Buy, 0.50m, 10m));

        var answer = await rig.Venue(wallet).SubmitAsync(order, intent, TestWallet.StateOf(market), CancellationToken.None);

        Assert.Equal((false, ReasonCodes.ExecVenueUnavailable), (answer.Accepted, answer.ReasonCode));
        Assert.Single(rig.Clob.State.RequestsTo("POST", "/order"));
    }
}
