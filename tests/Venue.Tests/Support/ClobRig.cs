using Microsoft.Extensions.Configuration;
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

    /// <summary>
    /// Configuration that points a container's CLOB clients at the fake and gives them <paramref name="wallet"/>'s
    /// account, with <paramref name="settings"/> added.
    /// </summary>
    public IConfiguration Configuration(TestWallet wallet, IReadOnlyDictionary<string, string?>? settings = null) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Clob:BaseUrl"] = Clob.BaseUrl.ToString(),
            ["Clob:MarketWebSocketUrl"] = Clob.MarketWebSocketUrl.ToString(),
            ["Clob:UserWebSocketUrl"] = Clob.UserWebSocketUrl.ToString(),
            ["Clob:ChainId"] = "137",
            ["Clob:RequestTimeout"] = "00:00:05",
            ["Clob:Credentials:Address"] = wallet.Signer.Address.ToString(),
            ["Clob:Credentials:ApiKey"] = wallet.Fake.ApiKey,
            ["Clob:Credentials:Secret"] = wallet.Fake.Secret,
            ["Clob:Credentials:Passphrase"] = wallet.Fake.Passphrase,
        }).AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();

    public MarketWebSocketClient MarketFeed() => new(Options, TimeProvider.System, _loggers.CreateLogger<MarketWebSocketClient>());

    public UserWebSocketClient UserFeed() => new(Options, TimeProvider.System, _loggers.CreateLogger<UserWebSocketClient>());

    /// <summary>A user feed of <paramref name="account"/> for <paramref name="markets"/>, running and subscribed on the fake.</summary>
    public async Task<RunningUserFeed> SubscribedUserFeedAsync(ClobAccount account, params string[] markets)
    {
        var feed = UserFeed();
        var subscribed = Clob.Sockets.UserSubscriptionKeys.Count;
        var stop = new CancellationTokenSource();
        var run = feed.RunAsync(account, markets, stop.Token);
        await Eventually.TrueAsync(() => Clob.Sockets.UserSubscriptionKeys.Count > subscribed, "user channel subscribed");
        return new RunningUserFeed(feed, run, stop);
    }

    /// <summary>A client with its own options (e.g. another clock), sharing the fake and the captured logs.</summary>
    public ClobRestClient ClientWith(TimeProvider time) =>
        new(ClobServiceCollectionExtensions.CreateHttpClient(), Options, new ClobRateLimiter(time), time, _loggers.CreateLogger<ClobRestClient>());

    public async ValueTask DisposeAsync()
    {
        await Clob.DisposeAsync();
        _loggers.Dispose();
    }
}
