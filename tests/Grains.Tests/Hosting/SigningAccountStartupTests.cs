using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Polytraders.Contracts;
using Polytraders.Grains.Execution;
using Polytraders.Polymarket.Clob;
using Polytraders.Silo.Hosting;
using Polytraders.Venue.Tests.Support;

namespace Polytraders.Grains.Tests.Hosting;

/// <summary>
/// The check the silo runs at start (and execution before every launch and order): the configured addresses against
/// the signing key. One development key for the class: opening a keystore costs a second of scrypt.
/// </summary>
public sealed class SigningAccountStartupTests(SigningAccountStartupTests.DevKey key) : IClassFixture<SigningAccountStartupTests.DevKey>
{
    private const string OtherAddress = "0x00000000000000000000000000000000000000aa";

    [Fact]
    public void the_keys_own_account_passes_when_the_clob_address_is_the_keys_or_not_configured()
    {
        Assert.True(Check(clobAddress: "", account: null).Succeeded);
        Assert.True(Check(key.Signer.Address.ToString(), account: null).Succeeded);
        Assert.True(Check(key.Signer.Address.ToString().ToLowerInvariant(), new PolymarketAccount { SignatureType = SignatureType.Eoa, Funder = key.Signer.Address.ToString() }).Succeeded);
    }

    [Theory]
    [InlineData(OtherAddress)]
    [InlineData("not-an-address")]
    public void a_clob_address_that_is_not_the_keys_refuses_the_keys_own_account(string clobAddress) =>
        Assert.Equal(ReasonCodes.SecClobAddressMismatch, Check(clobAddress, account: null).ReasonCode);

    [Fact]
    public void a_deposit_wallet_whose_address_holds_the_api_key_passes_where_the_keys_own_account_does_not()
    {
        var wallet = new PolymarketAccount { SignatureType = SignatureType.Poly1271, Funder = OtherAddress };

        Assert.True(Check(OtherAddress, wallet).Succeeded);
        Assert.Equal(ReasonCodes.SecClobAddressMismatch, Check(key.Signer.Address.ToString(), wallet).ReasonCode);
    }

    [Theory]
    [InlineData(SignatureType.Eoa, OtherAddress, "SEC_ACCOUNT_FUNDER_MISMATCH")]
    [InlineData(SignatureType.PolyProxy, OtherAddress, "SEC_ACCOUNT_FUNDER_MISMATCH")]
    [InlineData(SignatureType.PolyGnosisSafe, null, "SEC_ACCOUNT_FUNDER_MISSING")]
    [InlineData(SignatureType.Poly1271, "0x12", "SEC_ACCOUNT_FUNDER_MISMATCH")]
    public void a_funder_that_is_not_the_keys_is_refused_with_its_code(SignatureType type, string? funder, string code) =>
        Assert.Equal(code, Check(clobAddress: "", new PolymarketAccount { SignatureType = type, Funder = funder }).ReasonCode);

    [Fact]
    public async Task the_silo_logs_the_refusal_with_its_code_at_start_when_the_clob_address_is_not_the_keys()
    {
        using var logs = new CapturedLogs();
        using var factory = logs.Factory();
        var accounts = new SigningAccountCheck(key.Signer, Options.Create(new ClobCredentialsOptions { Address = OtherAddress }));

        await new SigningKeyWarmup(key.Signer, accounts, Options.Create(key.Options), factory.CreateLogger<SigningKeyWarmup>()).StartAsync(CancellationToken.None);

        Assert.Contains(logs.Lines, l => l.StartsWith("Error", StringComparison.Ordinal) && l.Contains(ReasonCodes.SecClobAddressMismatch, StringComparison.Ordinal));
    }

    [Fact]
    public async Task the_silo_logs_no_refusal_when_the_clob_address_is_the_keys()
    {
        using var logs = new CapturedLogs();
        using var factory = logs.Factory();
        var accounts = new SigningAccountCheck(key.Signer, Options.Create(new ClobCredentialsOptions { Address = key.Signer.Address.ToString() }));

        await new SigningKeyWarmup(key.Signer, accounts, Options.Create(key.Options), factory.CreateLogger<SigningKeyWarmup>()).StartAsync(CancellationToken.None);

        Assert.DoesNotContain(logs.Lines, l => l.StartsWith("Error", StringComparison.Ordinal));
    }

    private CommandResult Check(string clobAddress, PolymarketAccount? account) =>
        new SigningAccountCheck(key.Signer, Options.Create(new ClobCredentialsOptions { Address = clobAddress })).Check(account).Verdict;

    /// <summary>A development key in a temporary keystore, opened once.</summary>
    public sealed class DevKey : IDisposable
    {
        private readonly string _directory = Directory.CreateTempSubdirectory("polytraders-account-check-").FullName;

        public DevKey()
        {
            Options = new SigningOptions { KeystorePath = Path.Combine(_directory, "dev-keystore.json"), KeystorePassword = "account-check-test" };
            Signer = new OrderSignerService(Microsoft.Extensions.Options.Options.Create(Options), NullLoggerFactory.Instance);
            _ = Signer.Address;
        }

        public SigningOptions Options { get; }

        public OrderSignerService Signer { get; }

        public void Dispose()
        {
            Signer.Dispose();
            Directory.Delete(_directory, recursive: true);
        }
    }
}
