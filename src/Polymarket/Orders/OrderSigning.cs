using Polytraders.Polymarket.Crypto;
using Polytraders.Polymarket.Eip712;
using Polytraders.Polymarket.Signing;

namespace Polytraders.Polymarket.Orders;

/// <summary>Order hash and signature for CTF Exchange V2 orders.</summary>
public static class OrderSigning
{
    /// <summary>The order hash: the EIP-712 digest of the order under the exchange's domain (viem hashTypedData).</summary>
    public static Bytes32 ComputeOrderHash(OrderV2 order, Eip712Domain domain)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(domain);
        Span<byte> structHash = stackalloc byte[Eip712Encoder.HashLength];
        Span<byte> digest = stackalloc byte[Eip712Encoder.HashLength];
        Hash(order.ToTypedDataMessage(), domain, structHash, digest);
        return Bytes32.FromBytes(digest);
    }

    /// <summary>
    /// Hashes and signs an order. EOA, POLY_PROXY and POLY_GNOSIS_SAFE orders carry the plain
    /// 65-byte signature of the order digest and must name the signing EOA as their signer;
    /// POLY_1271 orders name the deposit wallet as signer and carry the wrapped signature.
    /// </summary>
    public static SignedOrderV2 Sign(OrderV2 order, Eip712Domain domain, EthereumSigner signer)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(domain);
        ArgumentNullException.ThrowIfNull(signer);
        var message = order.ToTypedDataMessage();
        Span<byte> structHash = stackalloc byte[Eip712Encoder.HashLength];
        Span<byte> digest = stackalloc byte[Eip712Encoder.HashLength];
        Hash(message, domain, structHash, digest);

        string signature;
        if (order.SignatureType == OrderSignatureType.Poly1271)
        {
            signature = DepositWalletSignature.Sign(order, message, structHash, domain, signer);
        }
        else
        {
            // The references refuse this too ("signer does not match"): the exchange would reject it.
            if (order.Signer != signer.Address)
            {
                throw new ArgumentException($"Order signer {order.Signer} is not the signing account {signer.Address}.", nameof(order));
            }

            signature = signer.SignDigestToHex(digest);
        }

        return new SignedOrderV2(order, signature, Bytes32.FromBytes(digest));
    }

    private static void Hash(IReadOnlyDictionary<string, object?> message, Eip712Domain domain, Span<byte> structHash, Span<byte> digest)
    {
        Eip712Encoder.HashStruct(CtfExchangeV2.OrderTypes, CtfExchangeV2.OrderTypeName, message, structHash);
        Eip712Encoder.Digest(domain.Separator, structHash, digest);
    }
}
