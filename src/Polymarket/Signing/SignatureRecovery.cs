using Polytraders.Polymarket.Crypto;

namespace Polytraders.Polymarket.Signing;

/// <summary>Who signed a digest: ecrecover in managed code, independent of the signing implementation.</summary>
public static class SignatureRecovery
{
    private static readonly ManagedSecp256k1 Managed = new();

    /// <summary>Recovers the signer's address from a 32-byte digest and a 65-byte r ‖ s ‖ v signature; null when the signature is malformed.</summary>
    public static EthereumAddress? RecoverAddress(ReadOnlySpan<byte> digest, ReadOnlySpan<byte> signature)
    {
        Span<byte> publicKey = stackalloc byte[SignatureLayout.PublicKeyLength];
        return Managed.TryRecoverPublicKey(digest, signature, publicKey)
            ? EthereumAddress.FromPublicKey(publicKey)
            : null;
    }
}
