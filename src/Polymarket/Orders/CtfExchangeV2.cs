using System.Collections.Frozen;
using Polytraders.Polymarket.Crypto;
using Polytraders.Polymarket.Eip712;

namespace Polytraders.Polymarket.Orders;

/// <summary>
/// Protocol constants of Polymarket's CTF Exchange V2 (live since 28 April 2026).
/// </summary>
public static class CtfExchangeV2
{
    /// <summary>EIP-712 domain name. Source: clob-client-v2 src/order-utils/model/ctfExchangeV2TypedData.ts (CTF_EXCHANGE_V2_DOMAIN_NAME).</summary>
    public const string DomainName = "Polymarket CTF Exchange";

    /// <summary>EIP-712 domain version. Source: same file (CTF_EXCHANGE_V2_DOMAIN_VERSION = "2").</summary>
    public const string DomainVersion = "2";

    /// <summary>Polygon PoS mainnet. Source: clob-client-v2 src/types/clob.ts (Chain.POLYGON).</summary>
    public const long PolygonChainId = 137;

    /// <summary>Polygon Amoy testnet. Source: clob-client-v2 src/types/clob.ts (Chain.AMOY).</summary>
    public const long AmoyChainId = 80002;

    /// <summary>The struct's primary type name, hashed into ORDER_TYPEHASH.</summary>
    public const string OrderTypeName = "Order";

    /// <summary>
    /// CTF Exchange V2. Source: py-clob-client-v2 py_clob_client_v2/config.py (exchange_v2, the same
    /// address for chain 137 and 80002) and clob-client-v2 tests/order-utils/exchangeOrderBuilderV2.test.ts.
    /// </summary>
    public static readonly EthereumAddress Exchange = EthereumAddress.Parse("0xE111180000d2663C0091e4f400237545B87B996B");

    /// <summary>Neg Risk CTF Exchange V2. Source: py-clob-client-v2 py_clob_client_v2/config.py (neg_risk_exchange_v2, chains 137 and 80002).</summary>
    public static readonly EthereumAddress NegRiskExchange = EthereumAddress.Parse("0xe2222d279d744050d28e00520010520000310F59");

    /// <summary>pUSD, the V2 collateral (6 decimals). Source: py-clob-client-v2 py_clob_client_v2/config.py (collateral).</summary>
    public static readonly EthereumAddress Collateral = EthereumAddress.Parse("0xC011a7E12a19f7B1f670d46F03B03f3342E82DFB");

    /// <summary>
    /// The Order struct. Source: ORDER_TYPEHASH preimage in ctf-exchange-v2
    /// src/exchange/libraries/Structs.sol and ORDER_TYPE_STRING in clob-client-v2
    /// src/order-utils/exchangeOrderBuilderV2.ts.
    /// </summary>
    public static readonly IReadOnlyList<Eip712Field> OrderFields =
    [
        new("salt", "uint256"),
        new("maker", "address"),
        new("signer", "address"),
        new("tokenId", "uint256"),
        new("makerAmount", "uint256"),
        new("takerAmount", "uint256"),
        new("side", "uint8"),
        new("signatureType", "uint8"),
        new("timestamp", "uint256"),
        new("metadata", "bytes32"),
        new("builder", "bytes32"),
    ];

    public static readonly Eip712TypeSet OrderTypes = new(new Dictionary<string, IReadOnlyList<Eip712Field>>
    {
        [OrderTypeName] = OrderFields,
    });

    private static readonly FrozenDictionary<(long ChainId, bool NegRisk), Eip712Domain> Domains =
        new[] { PolygonChainId, AmoyChainId }
            .SelectMany(chainId => new[] { false, true }.Select(negRisk => (chainId, negRisk)))
            .ToFrozenDictionary(key => key, key => CreateDomain(key.chainId, key.negRisk));

    /// <summary>The exchange that settles a market: the Neg Risk exchange for neg-risk markets.</summary>
    public static EthereumAddress VerifyingContract(bool negRisk) => negRisk ? NegRiskExchange : Exchange;

    /// <summary>The EIP-712 domain orders are signed under (separator precomputed).</summary>
    public static Eip712Domain Domain(long chainId, bool negRisk) =>
        Domains.TryGetValue((chainId, negRisk), out var domain)
            ? domain
            : throw new ArgumentOutOfRangeException(nameof(chainId), chainId, "Polymarket CLOB V2 runs on chain 137 (Polygon) and 80002 (Amoy).");

    private static Eip712Domain CreateDomain(long chainId, bool negRisk) =>
        new(name: DomainName, version: DomainVersion, chainId: chainId, verifyingContract: VerifyingContract(negRisk));
}
