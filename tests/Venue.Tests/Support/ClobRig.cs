using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polytraders.Polymarket.Clob;
using Polytraders.Venue.Tests.Fake;

namespace Polytraders.Venue.Tests.Support;

/// <summary>
/// The production clients pointed at a started <see cref="FakeClob"/> by configuration only (base URL and websocket
/// URLs), with short test timings, every log line captured. Partial: Grains.Tests, which compiles this file in, adds
/// our venue over the same client.
/// </summary>
public sealed partial class ClobRig : IAsyncDisposable
{
    private readonly ILoggerFactory _loggers;

    private ClobRig(FakeClob clob, ClobOptions options, CapturedLogs logs)
    {
        Clob = clob;
        Logs = logs;
        _loggers = logs.Factory();
        Options = Microsoft.Extensions.Options.Options.Create(options);
        var validation = new ClobOptionsValidator().Validate(null, options);
        if (validation.Failed)
        {
            throw new InvalidOperationException(validation.FailureMessage);
        }

        Client = new ClobRestClient(ClobServiceCollectionExtensions.CreateHttpClient(), Options, new ClobRateLimiter(TimeProvider.System), TimeProvider.System, _loggers.CreateLogger<ClobRestClient>());
    }

    public FakeClob Clob { get; }

    public CapturedLogs Logs { get; }

    public IOptions<ClobOptions> Options { get; }

    public ClobRestClient Client { get; }

    public static async Task<ClobRig> StartAsync(Action<ClobOptions>? configure = null)
    {
        var clob = await FakeClob.StartAsync();
        var options = new ClobOptions
        {
            BaseUrl = clob.BaseUrl,
            MarketWebSocketUrl = clob.MarketWebSocketUrl,
            UserWebSocketUrl = clob.UserWebSocketUrl,
            ChainId = FakeClob.ChainId,
            RequestTimeout = TimeSpan.FromSeconds(5),
            RetryBaseDelay = TimeSpan.FromMilliseconds(20),
            MaxRetryDelay = TimeSpan.FromSeconds(5),
            PingInterval = TimeSpan.FromSeconds(10),
            StaleConnectionTimeout = TimeSpan.FromSeconds(30),
            ReconnectInitialDelay = TimeSpan.FromMilliseconds(50),
            ReconnectMaxDelay = TimeSpan.FromMilliseconds(500),
        };
        configure?.Invoke(options);
        return new ClobRig(clob, options, new CapturedLogs());
    }

    public MarketWebSocketClient MarketFeed() => new(Options, TimeProvider.System, _loggers.CreateLogger<MarketWebSocketClient>());

    public UserWebSocketClient UserFeed() => new(Options, TimeProvider.System, _loggers.CreateLogger<UserWebSocketClient>());

    /// <summary>A client with its own options (e.g. another clock), sharing the fake and the captured logs.</summary>
    public ClobRestClient ClientWith(TimeProvider time) =>
        new(ClobServiceCollectionExtensions.CreateHttpClient(), Options, new ClobRateLimiter(time), time, _loggers.CreateLogger<ClobRestClient>());

    public async ValueTask DisposeAsync()
    {
        await Clob.DisposeAsync();
        _loggers.Dispose();
    }
}
