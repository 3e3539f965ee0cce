namespace Polytraders.Polymarket.Crypto;

/// <summary>Hex helpers in the Ethereum style: lowercase output, optional "0x" prefix on input.</summary>
public static class Hex
{
    /// <summary>Lowercase hex with a "0x" prefix.</summary>
    public static string ToPrefixedHex(ReadOnlySpan<byte> bytes) => "0x" + Convert.ToHexStringLower(bytes);

    /// <summary>Lowercase hex without a prefix.</summary>
    public static string ToHex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);

    /// <summary>Decodes hex with or without a "0x" prefix; an odd length is refused rather than guessed at.</summary>
    public static byte[] Decode(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        var digits = StripPrefix(hex);
        if (digits.Length % 2 != 0)
        {
            throw new FormatException("Hex string has an odd number of digits.");
        }

        return Convert.FromHexString(digits);
    }

    /// <summary>Decodes hex into a caller-supplied buffer of exactly the decoded length.</summary>
    public static void Decode(string hex, Span<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(hex);
        var digits = StripPrefix(hex);
        if (digits.Length != destination.Length * 2)
        {
            throw new FormatException($"Expected {destination.Length} bytes of hex, got {digits.Length} digits.");
        }

        var status = Convert.FromHexString(digits, destination, out _, out _);
        if (status != System.Buffers.OperationStatus.Done)
        {
            throw new FormatException("Invalid hex digit.");
        }
    }

    private static ReadOnlySpan<char> StripPrefix(string hex) =>
        hex.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? hex.AsSpan(2) : hex.AsSpan();
}
