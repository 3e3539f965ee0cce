using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Polytraders.Contracts;
using Polytraders.Grains.Execution.Polymarket;
using Polytraders.Polymarket.Clob;
using Polytraders.Polymarket.Keystore;
using Polytraders.Silo;
using Polytraders.Venue.Tests.Fake;
using Polytraders.Venue.Tests.Support;

namespace Polytraders.Grains.Tests.Venue;

/// <summary>
/// Issue 13 part 4: the L2 credentials come from the signing key (L1 ClobAuth against the fake, which recovers the
/// signer) instead of configuration, at silo start or by the operator's clob-credentials command, and are kept
/// encrypted beside the keystore under its password.
/// </summary>
public sealed class CredentialsFromKeyTests
{
    private const string Password = "credentials-test";

    [Fact]
    public async Task a_silo_taking_its_credentials_from_the_key_gets_them_at_start_stores_them_and_trades_with_them()
    {
        await using var silo = await ClobSilo.StartAsync(clob => TestMarkets.Standard(clob), credentialsFromKey: true);
        var (clob, market, config) = (silo.Clob, silo.Market, silo.Portfolio);

        // The fake had none for the key: derive refused, then created.
        Assert.Equal(400, Assert.Single(clob.State.RequestsTo("GET", "/auth/derive-api-key")).Status);
        Assert.Equal(200, Assert.Single(clob.State.RequestsTo("POST", "/auth/api-key")).Status);
        var stored = File.ReadAllText(Path.Combine(silo.KeysDirectory, "dev-keystore.clob-credentials.json"));
        AssertNoCredentialIn(stored, silo.Account);

        // An order goes out under those credentials: the fake checks their L2 HMAC on POST /order.
        var context = new AuditContext(config.TenantId, config.PortfolioId, "key-credentials", $"LCH-{Guid.NewGuid():N}", AuditEnvelopeMode.Paper, config.BuilderCode);
        var intent = TestWallet.Intent(market, Side.Buy, 0.50m, 10m) with { PortfolioId = config.PortfolioId, StrategyId = "key-credentials", LaunchId = context.LaunchId! };
        var result = await silo.Grains.GetGrain<IOrderGrain>(intent.ClientOrderId).Place(intent, context);

        Assert.True(result.Succeeded, result.Detail);
        await Eventually.TrueAsync(() => !clob.State.AcceptedOrders.IsEmpty, "the order posted to the fake");
        AssertNoCredentialIn(silo.Logs.All, silo.Account);
    }

    [Fact]
    public async Task a_second_start_opens_the_stored_credentials_without_asking_the_venue()
    {
        await using var rig = await ClobRig.StartAsync();
        using var keys = new TemporaryKeys();
        var configuration = Configuration(rig, keys);

        var first = await AccountAsync(configuration);
        var second = await AccountAsync(configuration);

        Assert.Equal(first, second);
        Assert.Single(rig.Clob.State.RequestsTo("GET", "/auth/derive-api-key"));
        Assert.Single(rig.Clob.State.RequestsTo("POST", "/auth/api-key"));
        Assert.Equal(first, ApiCredentialsFile.Load(keys.CredentialsPath, Password));
    }

    [Fact]
    public async Task a_configured_address_that_is_not_the_keys_is_refused_before_the_venue_is_asked()
    {
        await using var rig = await ClobRig.StartAsync();
        using var keys = new TemporaryKeys();
        var configuration = Configuration(rig, keys, new() { ["Clob:Credentials:Address"] = "0x1111111111111111111111111111111111111111" });

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => AccountAsync(configuration));

        Assert.Contains("is not the signing key's address", refused.Message, StringComparison.Ordinal);
        Assert.Empty(rig.Clob.State.Requests);
    }

    [Fact]
    public async Task the_operator_command_creates_then_derives_and_prints_no_credential()
    {
        await using var rig = await ClobRig.StartAsync();
        using var keys = new TemporaryKeys();
        var configuration = Configuration(rig, keys);
        using var output = new StringWriter();
        using var error = new StringWriter();

        var created = await ClobCredentialsCommand.RunAsync([], configuration, output, error);
        var derived = await ClobCredentialsCommand.RunAsync(["--nonce", "0"], configuration, output, error);

        Assert.Equal((0, 0), (created, derived));
        var account = ApiCredentialsFile.Load(keys.CredentialsPath, Password);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith($"clob-credentials: created the API credentials of {account.Address}", lines[0], StringComparison.Ordinal);
        Assert.StartsWith($"clob-credentials: derived the API credentials of {account.Address}", lines[1], StringComparison.Ordinal);
        Assert.Contains(keys.CredentialsPath, lines[1], StringComparison.Ordinal);
        AssertNoCredentialIn(output + error.ToString(), account);
        Assert.Equal(1_000m, (await rig.Client.GetBalanceAllowanceAsync(account)).Amount);
    }

    [Fact]
    public async Task the_operator_command_reports_a_venue_refusal_and_stores_nothing()
    {
        await using var rig = await ClobRig.StartAsync();
        using var keys = new TemporaryKeys();
        rig.Clob.State.MaxTimestampSkew = TimeSpan.FromSeconds(-1); // every L1 timestamp is stale: the venue refuses the key
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await ClobCredentialsCommand.RunAsync([], Configuration(rig, keys), output, error);

        Assert.Equal(1, exit);
        Assert.Contains("clob-credentials failed", error.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(keys.CredentialsPath));
    }

    private static async Task<ClobAccount> AccountAsync(IConfiguration configuration)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddOrderSigning(configuration).AddPolymarketClobClient(configuration).AddClobCredentialsFromKey();
        await using var provider = services.BuildServiceProvider();
        return await provider.GetRequiredService<IClobAccountSource>().GetAccountAsync(CancellationToken.None);
    }

    private static IConfiguration Configuration(ClobRig rig, TemporaryKeys keys, Dictionary<string, string?>? settings = null)
    {
        rig.Clob.State.PusdBalances[keys.Address] = 1_000_000_000;
        return new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Signing:KeystorePath"] = keys.KeystorePath,
            ["Signing:KeystorePassword"] = Password,
            ["Clob:BaseUrl"] = rig.Clob.BaseUrl.ToString(),
            ["Clob:MarketWebSocketUrl"] = rig.Clob.MarketWebSocketUrl.ToString(),
            ["Clob:UserWebSocketUrl"] = rig.Clob.UserWebSocketUrl.ToString(),
            ["Clob:ChainId"] = "137",
            ["Clob:MaxGetRetries"] = "0",
        }).AddInMemoryCollection(settings ?? []).Build();
    }

    private static void AssertNoCredentialIn(string text, ClobAccount account)
    {
        Assert.DoesNotContain(account.Credentials.Secret, text, StringComparison.Ordinal);
        Assert.DoesNotContain(account.Credentials.Passphrase, text, StringComparison.Ordinal);
        Assert.DoesNotContain(account.Credentials.Key, text, StringComparison.Ordinal);
    }

    private static void AssertNoCredentialIn(string text, FakeAccount account) =>
        AssertNoCredentialIn(text, new ClobAccount(account.Address, new(account.ApiKey, account.Secret, account.Passphrase)));

    /// <summary>A development keystore (cheap KDF) in its own folder; the credentials file goes beside it.</summary>
    private sealed class TemporaryKeys : IDisposable
    {
        private readonly string _directory = Directory.CreateTempSubdirectory("polytraders-key-credentials-").FullName;

        public TemporaryKeys()
        {
            using var key = DevKeyFile.LoadOrCreate(KeystorePath, Password, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, new Pbkdf2Kdf(1024));
            using var signer = new Polytraders.Polymarket.Signing.EthereumSigner(key, new Polytraders.Polymarket.Signing.ManagedSecp256k1());
            Address = signer.Address;
        }

        public Polytraders.Polymarket.Crypto.EthereumAddress Address { get; }

        public string KeystorePath => Path.Combine(_directory, "operator-keystore.json");

        public string CredentialsPath => Path.Combine(_directory, "operator-keystore.clob-credentials.json");

        public void Dispose() => Directory.Delete(_directory, recursive: true);
    }
}
