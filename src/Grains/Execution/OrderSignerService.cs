using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polytraders.Polymarket.Accounts;
using Polytraders.Polymarket.Auth;
using Polytraders.Polymarket.Clob;
using Polytraders.Polymarket.Crypto;
using Polytraders.Polymarket.Keystore;
using Polytraders.Polymarket.Orders;
using Polytraders.Polymarket.Signing;

namespace Polytraders.Grains.Execution;

/// <summary>
/// Holds the signing key for the execution grain, the only caller. The key is opened once, lazily, and never leaves
/// this object: callers get signed orders and the signer's address and label, nothing else.
/// </summary>
public sealed class OrderSignerService : IDisposable
{
    public const string DevelopmentLabel = "development key (not for live)";

    private readonly Lazy<EthereumSigner> _signer;
    private readonly SigningOptions _options;

    public OrderSignerService(IOptions<SigningOptions> options, ILoggerFactory loggers)
    {
        _options = options.Value;
        var logger = loggers.CreateLogger<OrderSignerService>();
        _signer = new Lazy<EthereumSigner>(() => new EthereumSigner(
            DevKeyFile.LoadOrCreate(_options.KeystorePath, _options.KeystorePassword, logger),
            Secp256k1Factory.Create(logger)));
    }

    public EthereumAddress Address => _signer.Value.Address;

    public string Label => _options.IsDevelopmentKey ? DevelopmentLabel : "keystore " + Path.GetFileName(_options.KeystorePath);

    public bool IsDevelopmentKey => _options.IsDevelopmentKey;

    public long ChainId => _options.ChainId;

    /// <summary>
    /// Builds and signs a limit order for <paramref name="account"/> stamped <paramref name="at"/> with
    /// <paramref name="salt"/>: given the same inputs it signs the same order (RFC 6979 signatures are deterministic).
    /// </summary>
    public OrderResult<SignedOrderV2> SignLimit(ulong salt, DateTimeOffset at, System.Numerics.BigInteger tokenId, OrderSide side, decimal price, decimal size, MarketRules rules, Bytes32 builderCode, TradingAccount account) =>
        new OrderBuilder(_signer.Value, new OrderBuilderOptions(_options.ChainId, account.SignatureType, account.Funder, BuilderCode: builderCode), new FixedClock(at), () => salt)
            .BuildLimit(tokenId, side, price, size, rules);

    /// <summary>
    /// L1 (ClobAuth): the key's L2 API credentials from <paramref name="client"/>, derived, or created when the venue has
    /// none under <paramref name="nonce"/>. The key signs the attestation here and stays here.
    /// </summary>
    public Task<(ApiCredentials Credentials, bool Created)> DeriveOrCreateClobCredentialsAsync(ClobRestClient client, long nonce, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.DeriveOrCreateApiKeyAsync(_signer.Value, nonce, cancellationToken);
    }

    private sealed class FixedClock(DateTimeOffset at) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => at;
    }

    public void Dispose()
    {
        if (_signer.IsValueCreated)
        {
            _signer.Value.Dispose();
        }
    }
}
