using Org.BouncyCastle.Crypto.Digests;

namespace Polytraders.Polymarket.Crypto;

/// <summary>
/// Keccak-256 as Ethereum uses it (the original Keccak padding, not NIST SHA3-256).
/// One digest instance per thread keeps the signing hot path free of allocations.
/// </summary>
public static class Keccak256
{
    public const int HashLength = 32;

    [ThreadStatic]
    private static KeccakDigest? _digest;

    public static void Hash(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        if (destination.Length < HashLength)
        {
            throw new ArgumentException("Destination must hold 32 bytes.", nameof(destination));
        }

        var digest = _digest ??= new KeccakDigest(256);
        digest.BlockUpdate(data);
        digest.DoFinal(destination);
    }

    public static byte[] Hash(ReadOnlySpan<byte> data)
    {
        var output = new byte[HashLength];
        Hash(data, output);
        return output;
    }

    /// <summary>Hashes the UTF-8 bytes of a string (EIP-712 string fields, type strings).</summary>
    public static byte[] HashUtf8(string text) => Hash(System.Text.Encoding.UTF8.GetBytes(text));
}
