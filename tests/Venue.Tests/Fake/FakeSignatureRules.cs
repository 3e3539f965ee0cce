using System.Buffers.Binary;
using System.Text;
using Polytraders.Polymarket.Accounts;
using Polytraders.Polymarket.Crypto;
using Polytraders.Polymarket.Orders;
using Polytraders.Polymarket.Signing;

namespace Polytraders.Venue.Tests.Fake;

/// <summary>
/// Who may make and sign an order, per signature type, as the CLOB and the exchange check it. The CLOB first: the
/// order's signer is the address the API key belongs to. Then the exchange (ctf-exchange-v2 Signatures.sol): EOA, the
/// signature recovers the signer and the maker is the signer; POLY_PROXY and POLY_GNOSIS_SAFE, the signature recovers
/// the signer and the maker is the proxy or Safe the factory derives from it; POLY_1271, the signer is the maker, a
/// deposit wallet this fake knows (a contract on chain), and the wallet accepts the signature as ERC-7739 nested
/// typed data signed by its owner. The deposit wallet's check is written out here from ERC-7739, not taken from our
/// signing code, so an order the fake accepts was wrapped the way a wallet unwraps it.
/// </summary>
public static class FakeSignatureRules
{
    private const int InnerSignatureLength = 65;
    private const int WordLength = 32;

    public static string? Refusal(OrderV2 order, byte[] signature, Bytes32 orderHash, FakeAccount account, FakeClobState state)
    {
        if (order.Signer != account.Address)
        {
            return "the order signer address has to be the address of the API KEY";
        }

        var valid = order.SignatureType switch
        {
            OrderSignatureType.Eoa => order.Maker == order.Signer && Recovers(orderHash.ToArray(), signature, order.Signer),
            OrderSignatureType.PolyProxy => PolymarketWallets.ProxyWallet(order.Signer, FakeClob.ChainId) == order.Maker && Recovers(orderHash.ToArray(), signature, order.Signer),
            OrderSignatureType.PolyGnosisSafe => PolymarketWallets.Safe(order.Signer, FakeClob.ChainId) == order.Maker && Recovers(orderHash.ToArray(), signature, order.Signer),
            OrderSignatureType.Poly1271 => order.Signer == order.Maker
                && state.DepositWallets.TryGetValue(order.Maker, out var owner)
                && DepositWalletAccepts(order.Maker, owner, orderHash, signature),
            _ => false,
        };
        return valid ? null : "invalid signature";
    }

    private static bool Recovers(byte[] digest, ReadOnlySpan<byte> signature, EthereumAddress expected) =>
        signature.Length == InnerSignatureLength && SignatureRecovery.RecoverAddress(digest, signature) == expected;

    /// <summary>
    /// ERC-7739 TypedDataSign, as the wallet's isValidSignature(hash, signature) runs it: the signature is
    /// innerSignature(65) ‖ appDomainSeparator(32) ‖ contentsHash(32) ‖ contentsType ‖ uint16 length of contentsType.
    /// The hash must be 0x1901 ‖ appDomainSeparator ‖ contentsHash, and the owner must have signed
    /// 0x1901 ‖ appDomainSeparator ‖ hashStruct(TypedDataSign{contents, the wallet's own domain fields}).
    /// </summary>
    private static bool DepositWalletAccepts(EthereumAddress wallet, EthereumAddress owner, Bytes32 hash, byte[] signature)
    {
        const int fixedPart = InnerSignatureLength + (2 * WordLength);
        if (signature.Length < fixedPart + sizeof(ushort))
        {
            return false;
        }

        var typeLength = BinaryPrimitives.ReadUInt16BigEndian(signature.AsSpan(signature.Length - sizeof(ushort)));
        if (signature.Length != fixedPart + typeLength + sizeof(ushort))
        {
            return false;
        }

        var inner = signature.AsSpan(0, InnerSignatureLength);
        var appSeparator = signature.AsSpan(InnerSignatureLength, WordLength);
        var contentsHash = signature.AsSpan(InnerSignatureLength + WordLength, WordLength);
        var contentsType = Encoding.ASCII.GetString(signature, fixedPart, typeLength);
        if (!hash.ToArray().AsSpan().SequenceEqual(TypedDigest(appSeparator, contentsHash)))
        {
            return false;
        }

        var contentsName = contentsType[..Math.Max(0, contentsType.IndexOf('(', StringComparison.Ordinal))];
        var typeHash = Keccak256.HashUtf8($"TypedDataSign({contentsName} contents,string name,string version,uint256 chainId,address verifyingContract,bytes32 salt){contentsType}");
        var encoded = new byte[7 * WordLength];
        typeHash.CopyTo(encoded, 0);
        contentsHash.CopyTo(encoded.AsSpan(WordLength));
        Keccak256.HashUtf8("DepositWallet").CopyTo(encoded, 2 * WordLength);
        Keccak256.HashUtf8("1").CopyTo(encoded, 3 * WordLength);
        BinaryPrimitives.WriteInt64BigEndian(encoded.AsSpan((5 * WordLength) - sizeof(long)), FakeClob.ChainId);
        wallet.WriteTo(encoded.AsSpan((6 * WordLength) - EthereumAddress.Length));
        return Recovers(TypedDigest(appSeparator, Keccak256.Hash(encoded)), inner, owner);
    }

    private static byte[] TypedDigest(ReadOnlySpan<byte> domainSeparator, ReadOnlySpan<byte> structHash)
    {
        var message = new byte[2 + (2 * WordLength)];
        (message[0], message[1]) = (0x19, 0x01);
        domainSeparator.CopyTo(message.AsSpan(2));
        structHash.CopyTo(message.AsSpan(2 + WordLength));
        return Keccak256.Hash(message);
    }
}
