using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.TestingHost;
using Polytraders.Contracts;
using Polytraders.Grains;
using Polytraders.Grains.Execution.Polymarket;
using Polytraders.Polymarket.Accounts;
using Polytraders.Polymarket.Crypto;
using Polytraders.Polymarket.Keystore;
using Polytraders.Polymarket.Signing;
using Polytraders.Silo;
using Polytraders.Trading.Replay;
using Polytraders.Venue.Tests.Fake;

namespace Polytraders.Venue.Tests.Support;

/// <summary>
/// The embedded silo configuration with the CLOB venue pointed at a started fake: a development keystore whose
/// address holds an API key and 1 000 pUSD on the fake, the market configured in its grain, PORT-001 of the
/// replay fixtures configured, and the user feed pump subscribed. With credentialsFromKey the silo has no API key
/// configured and takes it from the key at start (the fake has none for it, so it is created). The silo's log lines
/// are captured in <see cref="Logs"/>. Given an account type, PORT-001 trades as that Polymarket account of the key:
/// its proxy or Safe (the derived address holds the pUSD), or a deposit wallet the fake's chain knows, owned by the
/// key, holding the pUSD and the API key (the CLOB binds a deposit wallet's orders to an API key of the wallet's own
/// address).
/// </summary>
public sealed class ClobSilo : IAsyncDisposable
{
    private const string Password = "end-to-end-test";

    private readonly InProcessTestCluster _cluster;
    private readonly string _keys;

    private ClobSilo(FakeClob clob, FakeMarket market, EthereumAddress signer, EthereumAddress maker, InProcessTestCluster cluster, string keys, CapturedLogs logs)
    {
        (Clob, Market, Signer, Maker, _cluster, _keys, Logs) = (clob, market, signer, maker, cluster, keys, logs);
    }

    public FakeClob Clob { get; }

    public FakeMarket Market { get; }

    public FakeAccount Account { get; private set; } = null!;

    public string KeysDirectory => _keys;

    public EthereumAddress Signer { get; }

    /// <summary>The address holding the pUSD, the orders' maker: the key's own, or the account's funder.</summary>
    public EthereumAddress Maker { get; }

    public IClusterClient Grains => _cluster.Client;

    public PortfolioConfig Portfolio { get; private set; } = null!;

    public CapturedLogs Logs { get; }

    /// <summary>
    /// <paramref name="settings"/> add to or override the configuration (e.g. "Clob:MaxGetRetries");
    /// <paramref name="accountType"/> names PORT-001's Polymarket account (none: the key's own address, by default).
    /// </summary>
    public static async Task<ClobSilo> StartAsync(Func<FakeClob, FakeMarket> addMarket, IReadOnlyDictionary<string, string?>? settings = null, bool credentialsFromKey = false, SignatureType? accountType = null)
    {
        var clob = await FakeClob.StartAsync();
        var market = addMarket(clob);
        var keys = Directory.CreateTempSubdirectory("polytraders-e2e-keys-").FullName;
        var keystore = Path.Combine(keys, "dev-keystore.json");
        EthereumAddress signer;
        using (var key = DevKeyFile.LoadOrCreate(keystore, Password, NullLogger.Instance))
        using (var ethereum = new EthereumSigner(key, new ManagedSecp256k1()))
        {
            signer = ethereum.Address;
        }

        var funder = accountType switch
        {
            SignatureType.PolyProxy => PolymarketWallets.ProxyWallet(signer, FakeClob.ChainId),
            SignatureType.PolyGnosisSafe => PolymarketWallets.Safe(signer, FakeClob.ChainId),
            SignatureType.Poly1271 => clob.AddDepositWallet(signer),
            _ => null,
        };
        var apiKeyOwner = accountType == SignatureType.Poly1271 ? funder!.Value : signer;
        var account = credentialsFromKey ? null : clob.AddAccount(apiKeyOwner);
        clob.State.PusdBalances[funder ?? signer] = 1_000_000_000;
        var credentials = account is null
            ? new Dictionary<string, string?> { ["Clob:Credentials:FromKey"] = "true" }
            : new Dictionary<string, string?>
            {
                ["Clob:Credentials:Address"] = apiKeyOwner.ToString(),
                ["Clob:Credentials:ApiKey"] = account.ApiKey,
                ["Clob:Credentials:Secret"] = account.Secret,
                ["Clob:Credentials:Passphrase"] = account.Passphrase,
            };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Signing:KeystorePath"] = keystore,
            ["Signing:KeystorePassword"] = Password,
            ["Clob:BaseUrl"] = clob.BaseUrl.ToString(),
            ["Clob:MarketWebSocketUrl"] = clob.MarketWebSocketUrl.ToString(),
            ["Clob:UserWebSocketUrl"] = clob.UserWebSocketUrl.ToString(),
            ["Clob:ChainId"] = FakeClob.ChainId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Clob:ReconnectInitialDelay"] = "00:00:00.050",
            ["Clob:ReconnectMaxDelay"] = "00:00:00.500",
        }).AddInMemoryCollection(credentials).AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        var builder = new InProcessTestClusterBuilder(1);
        var logs = new CapturedLogs();
        builder.ConfigureSilo((_, silo) =>
        {
            EmbeddedSilo.Configure(silo, configuration);
            silo.Services.AddPolymarketClob(configuration, pumpMarketFeed: false);
            silo.Services.AddSingleton<ILoggerProvider>(logs);
        });
        var silo = new ClobSilo(clob, market, signer, funder ?? signer, builder.Build(), keys, logs);
        try
        {
            await silo._cluster.DeployAsync();
            var replay = await ReplayData.LoadAsync(Path.Combine(AppContext.BaseDirectory, "replay"), DateTimeOffset.UtcNow, CancellationToken.None);
            silo.Portfolio = replay.Portfolios.First(p => p.PortfolioId == "PORT-001") with
            {
                PolymarketAccount = accountType is { } type ? new PolymarketAccount { SignatureType = type, Funder = (funder ?? signer).ToString() } : null,
            };
            await silo.Grains.GetGrain<IMarketGrain>(market.ConditionId).Configure(TestWallet.StateOf(market).Market);
            await silo.Grains.GetGrain<IPortfolioGrain>(silo.Portfolio.PortfolioId).Configure(silo.Portfolio);
            FakeAccount? Trading() => account ?? clob.IssuedKey(signer, System.Numerics.BigInteger.Zero);
            await Eventually.TrueAsync(() => Trading() is { } key && clob.Sockets.UserSubscriptionKeys.Contains(key.ApiKey), "the user feed pump subscribed", TimeSpan.FromSeconds(15));
            silo.Account = Trading()!;
            return silo;
        }
        catch
        {
            await silo.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _cluster.StopAllSilosAsync();
            await _cluster.DisposeAsync();
        }
        finally
        {
            await Clob.DisposeAsync();
            Directory.Delete(_keys, recursive: true);
        }
    }
}
