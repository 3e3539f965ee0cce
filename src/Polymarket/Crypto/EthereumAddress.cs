using System.Buffers.Binary;

namespace Polytraders.Polymarket.Crypto;

/// <summary>
/// A 20-byte Ethereum account address, held as three integers so that it is a plain value
/// (cheap equality, no heap array). Text form is EIP-55 mixed-case checksum.
/// </summary>
public readonly record struct EthereumAddress
{
    public const int Length = 20;

    private readonly ulong _high;
    private readonly ulong _middle;
    private readonly uint _low;

    private EthereumAddress(ReadOnlySpan<byte> bytes)
    {
        _high = BinaryPrimitives.ReadUInt64BigEndian(bytes);
        _middle = BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]);
        _low = BinaryPrimitives.ReadUInt32BigEndian(bytes[16..]);
    }

    public static EthereumAddress Zero => default;

    public static EthereumAddress FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Length)
        {
            throw new ArgumentException("An address is 20 bytes.", nameof(bytes));
        }

        return new EthereumAddress(bytes);
    }

    /// <summary>
    /// Address of a secp256k1 public key: the last 20 bytes of keccak256 over the 64-byte
    /// uncompressed point (x || y, without the 0x04 tag).
    /// </summary>
    public static EthereumAddress FromPublicKey(ReadOnlySpan<byte> uncompressedPublicKey)
    {
        if (uncompressedPublicKey.Length != 64)
        {
            throw new ArgumentException("Expected a 64-byte uncompressed public key (x || y).", nameof(uncompressedPublicKey));
        }

        Span<byte> hash = stackalloc byte[Keccak256.HashLength];
        Keccak256.Hash(uncompressedPublicKey, hash);
        return new EthereumAddress(hash[12..]);
    }

    /// <summary>
    /// Parses "0x" + 40 hex digits. All-lowercase or all-uppercase input is accepted as is;
    /// mixed case must carry a valid EIP-55 checksum, since a mixed-case typo is exactly what
    /// the checksum exists to catch.
    /// </summary>
    public static EthereumAddress Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Span<byte> bytes = stackalloc byte[Length];
        Hex.Decode(text, bytes);
        var address = new EthereumAddress(bytes);
        var digits = text.AsSpan(text.Length - 40);
        var mixedCase = digits.ContainsAnyInRange('a', 'f') && digits.ContainsAnyInRange('A', 'F');
        if (mixedCase && !digits.SequenceEqual(address.ToString().AsSpan(2)))
        {
            throw new FormatException($"Address {text} fails its EIP-55 checksum.");
        }

        return address;
    }

    public void WriteTo(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt64BigEndian(destination, _high);
        BinaryPrimitives.WriteUInt64BigEndian(destination[8..], _middle);
        BinaryPrimitives.WriteUInt32BigEndian(destination[16..], _low);
    }

    /// <summary>Lowercase hex with "0x" (what some venues echo back).</summary>
    public string ToLowerHex()
    {
        Span<byte> bytes = stackalloc byte[Length];
        WriteTo(bytes);
        return Hex.ToPrefixedHex(bytes);
    }

    /// <summary>EIP-55 checksum form: a hex letter is uppercased when the matching nibble of keccak(lowercase hex) is ≥ 8.</summary>
    public override string ToString()
    {
        Span<byte> bytes = stackalloc byte[Length];
        WriteTo(bytes);
        Span<char> chars = stackalloc char[40];
        Convert.TryToHexStringLower(bytes, chars, out _);
        Span<byte> ascii = stackalloc byte[40];
        for (var i = 0; i < 40; i++)
        {
            ascii[i] = (byte)chars[i];
        }

        Span<byte> hash = stackalloc byte[Keccak256.HashLength];
        Keccak256.Hash(ascii, hash);
        for (var i = 0; i < 40; i++)
        {
            var nibble = (i % 2 == 0) ? hash[i / 2] >> 4 : hash[i / 2] & 0x0f;
            if (chars[i] >= 'a' && nibble >= 8)
            {
                chars[i] = char.ToUpperInvariant(chars[i]);
            }
        }

        return string.Concat("0x", chars);
    }
}
