using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polytraders.Polymarket.Clob;
using Polytraders.Polymarket.Crypto;
using Polytraders.Polymarket.Keystore;

namespace Polytraders.Grains.Execution.Polymarket;

/// <summary>
/// The account's L2 credentials taken from the signing key ("Clob:Credentials:FromKey"): the ones stored encrypted at
/// <see cref="StorePath"/> when they belong to the key, else derived from the venue with L1 ClobAuth (created when it
/// has none) and stored there under the keystore's password, KDF parameters and cipher. The silo's start and the
/// clob-credentials command both go through here. Logs say where and for which address, never the credentials.
/// </summary>
public sealed partial class KeyDerivedClobAccountSource(
    OrderSignerService signer,
    ClobRestClient client,
    IOptions<SigningOptions> signing,
    IOptions<ClobCredentialsOptions> options,
    ILogger<KeyDerivedClobAccountSource> logger) : IClobAccountSource, IDisposable
{
    private const string StoreSuffix = ".clob-credentials.json";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private ClobAccount? _account;

    public string StorePath => options.Value.StorePath is { Length: > 0 } configured
        ? configured
        : Path.ChangeExtension(signing.Value.KeystorePath, null) + StoreSuffix;

    public async ValueTask<ClobAccount> GetAccountAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _account) is { } known)
        {
            return known;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_account is { } raced)
            {
                return raced;
            }

            var account = Stored() ?? (await RenewUnderGateAsync(cancellationToken).ConfigureAwait(false)).Account;
            Volatile.Write(ref _account, account);
            return account;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Derives (or creates) the credentials from the venue whatever is stored, and stores them: the operator's command.</summary>
    public async Task<(ClobAccount Account, bool Created)> RenewAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var renewed = await RenewUnderGateAsync(cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _account, renewed.Account);
            return renewed;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private ClobAccount? Stored()
    {
        var owner = CheckConfiguredAddress();
        if (!File.Exists(StorePath))
        {
            return null;
        }

        var stored = ApiCredentialsFile.Load(StorePath, signing.Value.KeystorePassword);
        if (stored.Address == owner)
        {
            LogLoaded(owner.ToString(), StorePath);
            return stored;
        }

        // The keystore was replaced since: those credentials authenticate another account, so they are derived anew.
        LogStoredForAnotherKey(StorePath, stored.Address.ToString(), owner.ToString());
        return null;
    }

    private async Task<(ClobAccount Account, bool Created)> RenewUnderGateAsync(CancellationToken cancellationToken)
    {
        var owner = CheckConfiguredAddress();
        var (credentials, created) = await signer.DeriveOrCreateClobCredentialsAsync(client, options.Value.Nonce, cancellationToken).ConfigureAwait(false);
        var account = new ClobAccount(owner, credentials);
        var kdf = Web3Keystore.KdfOf(await File.ReadAllTextAsync(signing.Value.KeystorePath, cancellationToken).ConfigureAwait(false));
        ApiCredentialsFile.Save(StorePath, account, signing.Value.KeystorePassword, kdf);
        LogStored(created ? "created" : "derived", owner.ToString(), StorePath);
        return (account, created);
    }

    /// <summary>A configured address that is not the key's would trade as someone the key cannot authenticate.</summary>
    private EthereumAddress CheckConfiguredAddress()
    {
        var owner = signer.Address;
        if (options.Value.Address is { Length: > 0 } configured && !string.Equals(configured, owner.ToString(), StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"{ClobCredentialsOptions.Section}:Address {configured} is not the signing key's address {owner}.");
        }

        return owner;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "CLOB API credentials of {Address} opened from {Path}")]
    private partial void LogLoaded(string address, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Path} holds CLOB API credentials of {Stored}, not of the signing key {Address}: deriving the key's own")]
    private partial void LogStoredForAnotherKey(string path, string stored, string address);

    [LoggerMessage(Level = LogLevel.Information, Message = "CLOB API credentials of {Address} {How} from the signing key and stored encrypted in {Path}")]
    private partial void LogStored(string how, string address, string path);
}
