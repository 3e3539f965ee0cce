using System.Net;
using Microsoft.Extensions.Time.Testing;
using Polytraders.Polymarket.Clob;
using Polytraders.Polymarket.Orders;
using Polytraders.Venue.Tests.Fake;
using Polytraders.Venue.Tests.Support;

namespace Polytraders.Venue.Tests.Clob;

/// <summary>Timeouts, retries only for idempotent GETs, 429 + Retry-After, and each failure's kind.</summary>
public sealed class ResilienceTests
{
    [Fact]
    public async Task a_post_order_failing_with_503_is_unavailable_with_an_unknown_outcome_and_not_retried()
    {
        await using var rig = await ClobRig.StartAsync();
        var market = TestMarkets.Standard(rig.Clob);
        using var wallet = new TestWallet(rig.Clob);
        rig.Clob.State.Inject(new InjectedFailure { Method = "POST", Path = "/order", Status = 503, Remaining = 5 });

        var failure = await Assert.ThrowsAsync<ClobApiException>(() => rig.Client.PostOrderAsync(wallet.Limit(market, OrderSide.Buy, 0.50m, 10m), wallet.Account, OrderType.Gtc));

        Assert.Equal((ClobErrorKind.Unavailable, HttpStatusCode.ServiceUnavailable, true), (failure.Kind, failure.StatusCode, failure.OutcomeUnknown));
        Assert.Single(rig.Clob.State.RequestsTo("POST", "/order"));
    }

    [Fact]
    public async Task a_get_is_retried_after_503_and_then_succeeds()
    {
        await using var rig = await ClobRig.StartAsync();
        var market = TestMarkets.Standard(rig.Clob);
        rig.Clob.State.Inject(new InjectedFailure { Method = "GET", Path = "/book", Status = 503, Remaining = 2 });

        var book = await rig.Client.GetOrderBookAsync(market.TokenId);

        Assert.Equal((0.49m, 0.52m), (book.BestBid, book.BestAsk));
        Assert.Equal([503, 503, 200], rig.Clob.State.RequestsTo("GET", "/book").Select(r => r.Status));
    }

    [Fact]
    public async Task a_get_throttled_with_429_waits_out_retry_after_then_retries()
    {
        await using var rig = await ClobRig.StartAsync();
        var market = TestMarkets.Standard(rig.Clob);
        rig.Clob.State.Inject(new InjectedFailure { Method = "GET", Path = "/tick-size", Status = 429, RetryAfterSeconds = 1 });

        var tick = await rig.Client.GetTickSizeAsync(market.TokenId);

        Assert.Equal(0.01m, tick);
        var calls = rig.Clob.State.RequestsTo("GET", "/tick-size");
        Assert.Equal([429, 200], calls.Select(r => r.Status));
        Assert.True(calls[1].At - calls[0].At >= TimeSpan.FromMilliseconds(900));
    }

    [Fact]
    public async Task a_get_gives_up_after_its_retries_as_venue_unavailable()
    {
        await using var rig = await ClobRig.StartAsync(o => o.MaxGetRetries = 2);
        var market = TestMarkets.Standard(rig.Clob);
        rig.Clob.State.Inject(new InjectedFailure { Method = "GET", Path = "/midpoint", Status = 502, Remaining = 10 });

        var failure = await Assert.ThrowsAsync<ClobApiException>(() => rig.Client.GetMidpointAsync(market.TokenId));

        Assert.Equal((ClobErrorKind.Unavailable, HttpStatusCode.BadGateway, true), (failure.Kind, failure.StatusCode, failure.OutcomeUnknown));
        Assert.Equal(3, rig.Clob.State.RequestsTo("GET", "/midpoint").Count);
    }

    [Fact]
    public async Task a_refused_get_is_not_retried()
    {
        await using var rig = await ClobRig.StartAsync();

        var failure = await Assert.ThrowsAsync<ClobApiException>(() => rig.Client.GetOrderBookAsync("12345"));

        Assert.Equal((ClobErrorKind.Refused, HttpStatusCode.NotFound), (failure.Kind, failure.StatusCode));
        Assert.Contains("No orderbook exists", failure.Message);
        Assert.Single(rig.Clob.State.RequestsTo("GET", "/book"));
    }

    [Fact]
    public async Task a_venue_that_does_not_answer_in_time_is_unavailable()
    {
        await using var rig = await ClobRig.StartAsync(o => { o.RequestTimeout = TimeSpan.FromMilliseconds(200); o.MaxGetRetries = 0; });
        using var silent = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        var options = Microsoft.Extensions.Options.Options.Create(new ClobOptions
        {
            BaseUrl = new Uri($"http://127.0.0.1:{port}"),
            RequestTimeout = TimeSpan.FromMilliseconds(200),
            MaxGetRetries = 0,
        });
        var client = new ClobRestClient(ClobServiceCollectionExtensions.CreateHttpClient(), options, new ClobRateLimiter(TimeProvider.System), TimeProvider.System, Microsoft.Extensions.Logging.LoggerFactoryExtensions.CreateLogger<ClobRestClient>(rig.Logs.Factory()));

        var failure = await Assert.ThrowsAsync<ClobApiException>(() => client.GetServerTimeAsync());

        Assert.Equal((ClobErrorKind.Unavailable, true), (failure.Kind, failure.OutcomeUnknown));
        Assert.Contains("timed out", failure.Message);
    }

    [Fact]
    public async Task the_client_side_limiter_paces_requests_beyond_a_burst()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var limiter = new ClobRateLimiter(
            time,
            new ClobRateLimit("general", null, null, 1_000, TimeSpan.FromSeconds(1)),
            [new ClobRateLimit("GET /book", HttpMethod.Get, "/book", 2, TimeSpan.FromSeconds(1))]);
        var acquiring = Task.Run(async () =>
        {
            for (var i = 0; i < 4; i++)
            {
                await limiter.AcquireAsync(HttpMethod.Get, "/book", CancellationToken.None);
            }

            return time.GetUtcNow();
        });

        // The clock moves only when the test moves it, so the pacing is measured in the limiter's own time.
        for (var step = 0; step < 200 && !acquiring.IsCompleted; step++)
        {
            time.Advance(TimeSpan.FromMilliseconds(50));
            await Task.Delay(1);
        }

        // Two at once, then one every 500 ms.
        Assert.InRange(await acquiring - DateTimeOffset.UnixEpoch, TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(1200));
    }
}
