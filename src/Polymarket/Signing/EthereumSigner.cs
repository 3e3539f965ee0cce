using Polytraders.Polymarket.Crypto;

namespace Polytraders.Polymarket.Signing;

/// <summary>
/// A private key bound to a secp256k1 implementation: the account that signs orders and
/// L1 auth messages. Its address is derived once. Disposing it zeroes the key.
/// </summary>
public sealed class EthereumSigner : IDisposable
{
    private readonly SigningKey _key;

    public EthereumSigner(SigningKey key, ISecp256k1 curve)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(curve);
        _key = key;
        Curve = curve;
        Span<byte> publicKey = stackalloc byte[SignatureLayout.PublicKeyLength];
        curve.GetPublicKey(key, publicKey);
        Address = EthereumAddress.FromPublicKey(publicKey);
    }

    public EthereumAddress Address { get; }

    public ISecp256k1 Curve { get; }

    /// <summary>Signs a 32-byte digest into 65 bytes r ‖ s ‖ v (v = 27/28).</summary>
    public void SignDigest(ReadOnlySpan<byte> digest, Span<byte> signature) => Curve.Sign(digest, _key, signature);

    /// <summary>Signs a 32-byte digest and returns the "0x"-prefixed hex signature the CLOB expects.</summary>
    public string SignDigestToHex(ReadOnlySpan<byte> digest)
    {
        Span<byte> signature = stackalloc byte[SignatureLayout.SignatureLength];
        SignDigest(digest, signature);
        return Hex.ToPrefixedHex(signature);
    }

    public override string ToString() => $"EthereumSigner({Address})";

    public void Dispose() => _key.Dispose();
}
