using System.Numerics;
using Polytraders.Polymarket.Crypto;

namespace Polytraders.Polymarket.Orders;

/// <summary>
/// The CTF Exchange V2 order struct exactly as it is signed. Field list, order and types:
/// ORDER_TYPEHASH in Polymarket ctf-exchange-v2 src/exchange/libraries/Structs.sol, matching
/// CTF_EXCHANGE_V2_ORDER_STRUCT in clob-client-v2 src/order-utils/model/ctfExchangeV2TypedData.ts.
/// V2 dropped taker, expiration, nonce and feeRateBps from the signed struct; expiration
/// travels only in the POST /order body.
/// </summary>
/// <param name="Salt">Random uniqueness value below 2^53.</param>
/// <param name="Maker">Source of funds: the EOA, its proxy/safe, or the deposit wallet.</param>
/// <param name="Signer">Who signs: the EOA, or the deposit wallet itself for POLY_1271.</param>
/// <param name="TokenId">The CTF ERC-1155 position id bought or sold.</param>
/// <param name="MakerAmount">Most the maker gives, in 6-decimal base units.</param>
/// <param name="TakerAmount">Least the maker receives, in 6-decimal base units.</param>
/// <param name="TimestampMs">Creation time in Unix milliseconds (the clients send Date.now()).</param>
/// <param name="Metadata">Opaque bytes32, zero unless set.</param>
/// <param name="Builder">Builder attribution code, zero unless set.</param>
public sealed record OrderV2(
    ulong Salt,
    EthereumAddress Maker,
    EthereumAddress Signer,
    BigInteger TokenId,
    ulong MakerAmount,
    ulong TakerAmount,
    OrderSide Side,
    OrderSignatureType SignatureType,
    ulong TimestampMs,
    Bytes32 Metadata,
    Bytes32 Builder)
{
    /// <summary>The struct's member values keyed by their EIP-712 names.</summary>
    public IReadOnlyDictionary<string, object?> ToTypedDataMessage() => new Dictionary<string, object?>(11, StringComparer.Ordinal)
    {
        ["salt"] = Salt,
        ["maker"] = Maker,
        ["signer"] = Signer,
        ["tokenId"] = TokenId,
        ["makerAmount"] = MakerAmount,
        ["takerAmount"] = TakerAmount,
        ["side"] = (ulong)Side,
        ["signatureType"] = (ulong)SignatureType,
        ["timestamp"] = TimestampMs,
        ["metadata"] = Metadata,
        ["builder"] = Builder,
    };
}
