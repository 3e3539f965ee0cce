using System.Buffers.Binary;

namespace Polytraders.Polymarket.Crypto;

/// <summary>
/// A 32-byte word (EIP-712 <c>bytes32</c>: order metadata, builder code, hashes) held as four
/// integers so that it is a plain value with structural equality.
/// </summary>
public readonly record struct Bytes32
{
    public const int Length = 32;

    private readonly ulong _a;
    private readonly ulong _b;
    private readonly ulong _c;
    private readonly ulong _d;

    private Bytes32(ReadOnlySpan<byte> bytes)
    {
        _a = BinaryPrimitives.ReadUInt64BigEndian(bytes);
        _b = BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]);
        _c = BinaryPrimitives.ReadUInt64BigEndian(bytes[16..]);
        _d = BinaryPrimitives.ReadUInt64BigEndian(bytes[24..]);
    }

    public static Bytes32 Zero => default;

    public static Bytes32 FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Length)
        {
            throw new ArgumentException("Expected 32 bytes.", nameof(bytes));
        }

        return new Bytes32(bytes);
    }

    /// <summary>Parses exactly 64 hex digits, with or without "0x".</summary>
    public static Bytes32 Parse(string hex)
    {
        Span<byte> bytes = stackalloc byte[Length];
        Hex.Decode(hex, bytes);
        return new Bytes32(bytes);
    }

    public void WriteTo(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt64BigEndian(destination, _a);
        BinaryPrimitives.WriteUInt64BigEndian(destination[8..], _b);
        BinaryPrimitives.WriteUInt64BigEndian(destination[16..], _c);
        BinaryPrimitives.WriteUInt64BigEndian(destination[24..], _d);
    }

    public byte[] ToArray()
    {
        var bytes = new byte[Length];
        WriteTo(bytes);
        return bytes;
    }

    /// <summary>Lowercase "0x" + 64 hex digits, as the CLOB clients send bytes32 fields.</summary>
    public override string ToString()
    {
        Span<byte> bytes = stackalloc byte[Length];
        WriteTo(bytes);
        return Hex.ToPrefixedHex(bytes);
    }
}
