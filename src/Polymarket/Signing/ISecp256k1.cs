namespace Polytraders.Polymarket.Signing;

/// <summary>
/// secp256k1 ECDSA as Ethereum uses it: deterministic RFC 6979 nonces, low-s signatures and a
/// recovery id, serialised as 65 bytes r ‖ s ‖ v with v = 27 + recovery id.
/// Two implementations exist — native libsecp256k1 (hot path) and managed BouncyCastle
/// (fallback and cross-check) — and they must agree byte for byte.
/// </summary>
public interface ISecp256k1
{
    /// <summary>Which implementation this is, for logs and benchmarks.</summary>
    string Implementation { get; }

    /// <summary>Signs a 32-byte digest; writes 65 bytes r ‖ s ‖ v into <paramref name="signature"/>.</summary>
    void Sign(ReadOnlySpan<byte> digest, SigningKey key, Span<byte> signature);

    /// <summary>Writes the 64-byte uncompressed public key x ‖ y (no 0x04 tag).</summary>
    void GetPublicKey(SigningKey key, Span<byte> publicKey);

    /// <summary>Recovers the 64-byte public key x ‖ y from a digest and a 65-byte r ‖ s ‖ v signature.</summary>
    bool TryRecoverPublicKey(ReadOnlySpan<byte> digest, ReadOnlySpan<byte> signature, Span<byte> publicKey);
}
