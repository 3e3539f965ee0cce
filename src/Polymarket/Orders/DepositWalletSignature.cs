using System.Buffers.Binary;
using System.Text;
using Polytraders.Polymarket.Crypto;
using Polytraders.Polymarket.Eip712;
using Polytraders.Polymarket.Signing;

namespace Polytraders.Polymarket.Orders;

/// <summary>
/// POLY_1271 (deposit wallet) order signatures: an ERC-7739 "TypedDataSign" nested signature that
/// the wallet checks through EIP-1271. The owner EOA signs
/// keccak256(0x1901 ‖ exchangeDomainSeparator ‖ hashStruct(TypedDataSign{contents: order,
/// name: "DepositWallet", version: "1", chainId, verifyingContract: the wallet, salt: 0})),
/// and the wire signature is innerSig(65) ‖ exchangeDomainSeparator(32) ‖ hashStruct(order)(32)
/// ‖ ORDER_TYPE_STRING (ASCII) ‖ uint16 big-endian length of that string.
/// Source: buildOrderSignature in clob-client-v2 src/order-utils/exchangeOrderBuilderV2.ts and
/// _build_poly_1271_order_signature in py-clob-client-v2 order_utils/exchange_order_builder_v2.py.
/// </summary>
internal static class DepositWalletSignature
{
    /// <summary>The deposit wallet's own EIP-712 name/version. Source: DEPOSIT_WALLET_NAME_HASH / _VERSION_HASH in exchange_order_builder_v2.py.</summary>
    private const string WalletDomainName = "DepositWallet";
    private const string WalletDomainVersion = "1";
    private const string TypedDataSignTypeName = "TypedDataSign";

    /// <summary>Source: TYPED_DATA_SIGN_STRUCT in clob-client-v2 src/order-utils/exchangeOrderBuilderV2.ts.</summary>
    private static readonly Eip712TypeSet Types = new(new Dictionary<string, IReadOnlyList<Eip712Field>>
    {
        [TypedDataSignTypeName] =
        [
            new("contents", CtfExchangeV2.OrderTypeName),
            new("name", "string"),
            new("version", "string"),
            new("chainId", "uint256"),
            new("verifyingContract", "address"),
            new("salt", "bytes32"),
        ],
        [CtfExchangeV2.OrderTypeName] = CtfExchangeV2.OrderFields,
    });

    private static readonly byte[] ContentsType = Encoding.ASCII.GetBytes(CtfExchangeV2.OrderTypes.EncodeType(CtfExchangeV2.OrderTypeName));

    public static string Sign(
        OrderV2 order,
        IReadOnlyDictionary<string, object?> orderMessage,
        ReadOnlySpan<byte> contentsHash,
        Eip712Domain exchangeDomain,
        EthereumSigner owner)
    {
        var wrapper = new Dictionary<string, object?>(6, StringComparer.Ordinal)
        {
            ["contents"] = orderMessage,
            ["name"] = WalletDomainName,
            ["version"] = WalletDomainVersion,
            ["chainId"] = exchangeDomain.ChainId ?? throw new ArgumentException("The exchange domain has no chainId.", nameof(exchangeDomain)),
            ["verifyingContract"] = order.Signer,
            ["salt"] = Bytes32.Zero,
        };
        Span<byte> structHash = stackalloc byte[Eip712Encoder.HashLength];
        Eip712Encoder.HashStruct(Types, TypedDataSignTypeName, wrapper, structHash);
        Span<byte> digest = stackalloc byte[Eip712Encoder.HashLength];
        Eip712Encoder.Digest(exchangeDomain.Separator, structHash, digest);

        var wrapped = new byte[SignatureLayout.SignatureLength + (2 * Eip712Encoder.HashLength) + ContentsType.Length + sizeof(ushort)];
        var span = wrapped.AsSpan();
        owner.SignDigest(digest, span[..SignatureLayout.SignatureLength]);
        span = span[SignatureLayout.SignatureLength..];
        exchangeDomain.Separator.CopyTo(span);
        contentsHash.CopyTo(span[Eip712Encoder.HashLength..]);
        ContentsType.CopyTo(span[(2 * Eip712Encoder.HashLength)..]);
        BinaryPrimitives.WriteUInt16BigEndian(span[^sizeof(ushort)..], (ushort)ContentsType.Length);
        return Hex.ToPrefixedHex(wrapped);
    }
}
