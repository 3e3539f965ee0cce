using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Polytraders.Contracts;

namespace Polytraders.Gateway.Tests;

/// <summary>
/// Rate limits of the gateway, on a host of their own with small limits and no refill during a test: reads and
/// writes per API key, failed authentications per client address. Each test uses its own keys or address.
/// </summary>
[Collection(OwnHosts.Name)]
public sealed class RateLimitTests(RateLimitTests.Host host) : IClassFixture<RateLimitTests.Host>
{
    private const int Reads = 5;
    private const int Writes = 3;
    private const int Failures = 3;

    [Fact]
    public async Task reads_past_the_limit_of_a_key_get_429_with_retry_after_and_the_reason_code()
    {
        using var client = host.As(Host.ReadsKey);
        for (var i = 0; i < Reads; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/reason-codes")).StatusCode);
        }

        var refused = await client.GetAsync("/api/v1/reason-codes");

        var problem = await Http.ReadProblemAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.Equal(ReasonCodes.SecRateLimited, Http.ReasonCode(problem));
        Assert.True(refused.Headers.RetryAfter?.Delta is { TotalSeconds: >= 1 }, $"Retry-After: {refused.Headers.RetryAfter}");

        // Another key is not held back by this one.
        Assert.Equal(HttpStatusCode.OK, (await host.AsReviewer().GetAsync("/api/v1/reason-codes")).StatusCode);
    }

    [Fact]
    public async Task writes_have_their_own_limit_per_key_and_refused_writes_spend_it_too()
    {
        using var client = host.As(Host.WritesKey);
        for (var i = 0; i < Writes; i++)
        {
            // A reviewer key: each write is refused (403), and still counts.
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync("/api/v1/backtests", Http.Json("{}"))).StatusCode);
        }

        var refused = await client.PostAsync("/api/v1/backtests", Http.Json("{}"));

        var problem = await Http.ReadProblemAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.Equal(ReasonCodes.SecRateLimited, Http.ReasonCode(problem));
        Assert.NotNull(refused.Headers.RetryAfter?.Delta);

        // Its reads are counted apart.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/reason-codes")).StatusCode);
    }

    [Fact]
    public async Task an_address_that_fails_authentication_too_often_is_locked_out_whatever_key_it_sends()
    {
        var server = host.App.GetTestServer();
        for (var i = 0; i < Failures; i++)
        {
            var failed = await SendFrom(server, "198.51.100.7", "Bearer wrong-key-guess-" + i);
            Assert.Equal(StatusCodes.Status401Unauthorized, failed.Response.StatusCode);
        }

        var locked = await SendFrom(server, "198.51.100.7", "Bearer wrong-key-guess-again");
        Assert.Equal(StatusCodes.Status429TooManyRequests, locked.Response.StatusCode);
        Assert.True(int.Parse(locked.Response.Headers.RetryAfter.ToString(), System.Globalization.CultureInfo.InvariantCulture) >= 1);
        Assert.Contains(ReasonCodes.SecRateLimited, await Body(locked), StringComparison.Ordinal);

        // Even the right key, from that address, until the window ends ...
        var right = await SendFrom(server, "198.51.100.7", "Bearer " + GatewayHost.ReviewerKey);
        Assert.Equal(StatusCodes.Status429TooManyRequests, right.Response.StatusCode);

        // ... while another address is not affected.
        var other = await SendFrom(server, "198.51.100.8", "Bearer " + GatewayHost.ReviewerKey);
        Assert.Equal(StatusCodes.Status200OK, other.Response.StatusCode);
    }

    [Fact]
    public async Task failed_authentications_and_lockouts_are_counted_in_the_gateway_s_metrics()
    {
        var counted = new System.Collections.Concurrent.ConcurrentDictionary<string, long>();
        using var listener = new System.Diagnostics.Metrics.MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == Telemetry.GatewayMetrics.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var limit = tags.ToArray().FirstOrDefault(t => t.Key == "limit").Value as string;
            counted.AddOrUpdate(instrument.Name + (limit is null ? string.Empty : ":" + limit), value, (_, sum) => sum + value);
        });
        listener.Start();
        var server = host.App.GetTestServer();

        for (var i = 0; i <= Failures; i++)
        {
            await SendFrom(server, "198.51.100.9", "Bearer wrong-key-counted-" + i);
        }

        Assert.True(counted.GetValueOrDefault("polytraders.gateway.authentication.failures") >= Failures, string.Join(", ", counted));
        Assert.True(counted.GetValueOrDefault("polytraders.gateway.rate_limited:failed_authentication") >= 1, string.Join(", ", counted));
    }

    [Fact]
    public async Task a_failed_authentication_logs_nothing_above_debug()
    {
        var logs = new CapturingLoggerProvider();
        await using var app = GatewayHost.BuildGateway(host.Configuration, services =>
        {
            services.AddSingleton(host.Grains);
            services.AddSingleton<ILoggerProvider>(logs);
            services.Configure<LoggerFilterOptions>(options => options.MinLevel = LogLevel.Trace);
        });
        await app.StartAsync();
        var client = app.GetTestClient();
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "Bearer not-a-configured-key-at-all");
        logs.Clear();

        var response = await client.GetAsync("/api/v1/reason-codes");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var entries = logs.Entries;
        Assert.Contains(entries, e => e.Level == LogLevel.Debug && e.Message.Contains("unknown API key", StringComparison.Ordinal));
        // Hosting's "Request starting/finished" lines come with every request, refused or not; the shipped appsettings
        // keep Microsoft.AspNetCore at Warning.
        Assert.DoesNotContain(entries, e => e.Level >= LogLevel.Information && !e.Category.StartsWith("Microsoft.AspNetCore.Hosting", StringComparison.Ordinal));
        await app.StopAsync();
    }

    [Theory]
    [InlineData("Gateway:RateLimits:Reads:TokenLimit", "0")]
    [InlineData("Gateway:RateLimits:Writes:TokensPerPeriod", "0")]
    [InlineData("Gateway:RateLimits:Writes:ReplenishmentPeriod", "00:00:00")]
    [InlineData("Gateway:RateLimits:FailedAuthentication:PermitLimit", "0")]
    [InlineData("Gateway:RateLimits:FailedAuthentication:Window", "-00:00:01")]
    [InlineData("Gateway:RefusalAudit:Window", "00:00:00")]
    public async Task a_limit_that_cannot_work_stops_the_start(string key, string value)
    {
        var settings = GatewayHost.Settings(Path.GetTempPath());
        settings[key] = value;
        await using var app = GatewayHost.BuildGateway(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), services => services.AddSingleton(host.Grains));

        var error = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => app.StartAsync());

        Assert.Contains(key.Split(':')[2], error.Message, StringComparison.Ordinal);
    }

    private static Task<HttpContext> SendFrom(TestServer server, string address, string authorization) =>
        server.SendAsync(context =>
        {
            context.Connection.RemoteIpAddress = IPAddress.Parse(address);
            context.Request.Method = HttpMethods.Get;
            context.Request.Path = "/api/v1/reason-codes";
            context.Request.Headers.Authorization = authorization;
        });

    private static async Task<string> Body(HttpContext context)
    {
        using var reader = new StreamReader(context.Response.Body, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }

    /// <summary>Small limits that never refill during a test; a key each for the read and the write test.</summary>
    public sealed class Host : GatewayHost
    {
        public const string ReadsKey = "rate-limit-reads-key-0001";
        public const string WritesKey = "rate-limit-writes-key-0001";

        protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings =>
        [
            new($"Gateway:ApiKeys:{ReadsKey}:Operator", "carol"),
            new($"Gateway:ApiKeys:{ReadsKey}:Role", "operator"),
            new($"Gateway:ApiKeys:{WritesKey}:Operator", "dave"),
            new($"Gateway:ApiKeys:{WritesKey}:Role", "reviewer"),
            new("Gateway:RateLimits:Reads:TokenLimit", Reads.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Gateway:RateLimits:Reads:TokensPerPeriod", "1"),
            new("Gateway:RateLimits:Reads:ReplenishmentPeriod", "01:00:00"),
            new("Gateway:RateLimits:Writes:TokenLimit", Writes.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Gateway:RateLimits:Writes:TokensPerPeriod", "1"),
            new("Gateway:RateLimits:Writes:ReplenishmentPeriod", "01:00:00"),
            new("Gateway:RateLimits:FailedAuthentication:PermitLimit", Failures.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Gateway:RateLimits:FailedAuthentication:Window", "01:00:00"),
        ];

        protected override void ConfigureSilo(ISiloBuilder silo, IConfiguration configuration)
        {
        }
    }
}

/// <summary>Every log entry of a host, for tests that check what is (not) logged.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<(string Category, LogLevel Level, string Message)> _entries = new();

    public IReadOnlyList<(string Category, LogLevel Level, string Message)> Entries => [.. _entries];

    public void Clear() => _entries.Clear();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, System.Collections.Concurrent.ConcurrentQueue<(string, LogLevel, string)> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue((category, logLevel, formatter(state, exception)));
    }
}
