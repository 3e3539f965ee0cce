using System.Globalization;
using System.Numerics;
using Polytraders.Polymarket.Crypto;
using Polytraders.Polymarket.Eip712;
using Polytraders.Polymarket.Signing;

namespace Polytraders.Polymarket.Auth;

/// <summary>
/// L1 authentication: an EIP-712 "ClobAuth" attestation signed by the account's EOA, used to
/// create or derive API keys. Source: buildClobEip712Signature in clob-client-v2
/// src/signing/eip712.ts, and CLOB_DOMAIN_NAME / CLOB_VERSION / MSG_TO_SIGN in py-clob-client
/// py_clob_client/signing/eip712.py.
/// </summary>
public static class ClobAuth
{
    public const string DomainName = "ClobAuthDomain";
    public const string DomainVersion = "1";
    public const string AttestationMessage = "This message attests that I control the given wallet";
    private const string TypeName = "ClobAuth";

    private static readonly Eip712TypeSet Types = new(new Dictionary<string, IReadOnlyList<Eip712Field>>
    {
        [TypeName] =
        [
            new("address", "address"),
            new("timestamp", "string"),
            new("nonce", "uint256"),
            new("message", "string"),
        ],
    });

    /// <summary>The EIP-712 digest the EOA signs; the timestamp is Unix seconds, carried as a decimal string.</summary>
    public static byte[] Digest(EthereumAddress address, long chainId, long timestampSeconds, BigInteger nonce)
    {
        var domain = new Eip712Domain(name: DomainName, version: DomainVersion, chainId: chainId);
        var message = new Dictionary<string, object?>(4, StringComparer.Ordinal)
        {
            ["address"] = address,
            ["timestamp"] = timestampSeconds.ToString(CultureInfo.InvariantCulture),
            ["nonce"] = nonce,
            ["message"] = AttestationMessage,
        };
        return Eip712Encoder.Digest(domain, Types, TypeName, message);
    }

    /// <summary>POLY_ADDRESS, POLY_SIGNATURE, POLY_TIMESTAMP and POLY_NONCE for /auth/api-key and /auth/derive-api-key.</summary>
    public static IReadOnlyDictionary<string, string> CreateL1Headers(EthereumSigner signer, long chainId, long timestampSeconds, BigInteger nonce)
    {
        ArgumentNullException.ThrowIfNull(signer);
        var digest = Digest(signer.Address, chainId, timestampSeconds, nonce);
        return new Dictionary<string, string>(4, StringComparer.Ordinal)
        {
            [PolyHeaderNames.Address] = signer.Address.ToString(),
            [PolyHeaderNames.Signature] = signer.SignDigestToHex(digest),
            [PolyHeaderNames.Timestamp] = timestampSeconds.ToString(CultureInfo.InvariantCulture),
            [PolyHeaderNames.Nonce] = nonce.ToString(CultureInfo.InvariantCulture),
        };
    }
}
