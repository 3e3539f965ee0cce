namespace Polytraders.Polymarket.Signing;

/// <summary>Sizes and the v offset of the Ethereum 65-byte signature encoding.</summary>
internal static class SignatureLayout
{
    public const int DigestLength = 32;
    public const int SignatureLength = 65;
    public const int PublicKeyLength = 64;

    /// <summary>Ethereum's legacy v = 27 + recovery id (yellow paper, appendix F), used by eth_sign and EIP-712 signers.</summary>
    public const byte RecoveryIdOffset = 27;

    public static void CheckSignArguments(ReadOnlySpan<byte> digest, Span<byte> signature)
    {
        if (digest.Length != DigestLength)
        {
            throw new ArgumentException("The digest must be 32 bytes.", nameof(digest));
        }

        if (signature.Length < SignatureLength)
        {
            throw new ArgumentException("The signature buffer must hold 65 bytes.", nameof(signature));
        }
    }

    /// <summary>Reads the recovery id from v, accepting both 27/28 and raw 0/1.</summary>
    public static bool TryGetRecoveryId(ReadOnlySpan<byte> signature, out int recoveryId)
    {
        recoveryId = signature.Length == SignatureLength ? signature[64] : -1;
        if (recoveryId >= RecoveryIdOffset)
        {
            recoveryId -= RecoveryIdOffset;
        }

        return recoveryId is 0 or 1;
    }
}
