using System.Buffers.Binary;
using System.Numerics;
using Polytraders.Polymarket.Crypto;

namespace Polytraders.Polymarket.Eip712;

/// <summary>
/// Writes one atomic member value as its 32-byte encodeData word: integers as 256-bit two's
/// complement big-endian, addresses left-padded, bytes&lt;N&gt; right-padded, dynamic bytes and
/// strings as their keccak256.
/// </summary>
internal static class Eip712WordWriter
{
    public static void Write(CompiledField field, object? value, Span<byte> word)
    {
        word.Clear();
        switch (field.Kind)
        {
            case Eip712FieldKind.Uint:
            case Eip712FieldKind.Int:
                WriteInteger(field, ToBigIntegerOrWriteFast(field, value, word), word);
                break;
            case Eip712FieldKind.Address:
                AsAddress(field, value).WriteTo(word[12..]);
                break;
            case Eip712FieldKind.Bool:
                word[31] = value is bool flag ? (byte)(flag ? 1 : 0) : throw WrongValue(field, value);
                break;
            case Eip712FieldKind.FixedBytes:
                WriteFixedBytes(field, value, word);
                break;
            case Eip712FieldKind.DynamicBytes:
                Keccak256.Hash(AsBytes(field, value), word);
                break;
            case Eip712FieldKind.String:
                Keccak256.Hash(System.Text.Encoding.UTF8.GetBytes(value as string ?? throw WrongValue(field, value)), word);
                break;
            default:
                throw new InvalidOperationException($"Member '{field.Name}' is a struct, not an atomic value.");
        }
    }

    // Unsigned 64-bit values (amounts, salts, timestamps) are the common case on the order path:
    // they are written directly and need no BigInteger.
    private static BigInteger? ToBigIntegerOrWriteFast(CompiledField field, object? value, Span<byte> word)
    {
        switch (value)
        {
            case ulong u:
                CheckUnsignedFits(field, u);
                BinaryPrimitives.WriteUInt64BigEndian(word[24..], u);
                return null;
            case uint u:
                return new BigInteger(u);
            case long l:
                return new BigInteger(l);
            case int i:
                return new BigInteger(i);
            case BigInteger big:
                return big;
            default:
                throw WrongValue(field, value);
        }
    }

    private static void WriteInteger(CompiledField field, BigInteger? value, Span<byte> word)
    {
        if (value is not { } number)
        {
            return;
        }

        var bits = field.Size;
        var (min, max) = field.Kind == Eip712FieldKind.Uint
            ? (BigInteger.Zero, (BigInteger.One << bits) - 1)
            : (-(BigInteger.One << (bits - 1)), (BigInteger.One << (bits - 1)) - 1);
        if (number < min || number > max)
        {
            throw new ArgumentOutOfRangeException(field.Name, $"Value does not fit {field.TypeName}.");
        }

        if (number.Sign < 0)
        {
            word.Fill(0xff);
        }

        var length = number.GetByteCount(isUnsigned: number.Sign >= 0);
        number.TryWriteBytes(word[(32 - length)..], out _, isUnsigned: number.Sign >= 0, isBigEndian: true);
    }

    private static void CheckUnsignedFits(CompiledField field, ulong value)
    {
        var usable = field.Kind == Eip712FieldKind.Uint ? field.Size : field.Size - 1;
        if (usable < 64 && value >> usable != 0)
        {
            throw new ArgumentOutOfRangeException(field.Name, $"Value does not fit {field.TypeName}.");
        }
    }

    private static EthereumAddress AsAddress(CompiledField field, object? value) => value switch
    {
        EthereumAddress address => address,
        string text => EthereumAddress.Parse(text),
        _ => throw WrongValue(field, value),
    };

    private static void WriteFixedBytes(CompiledField field, object? value, Span<byte> word)
    {
        if (value is Bytes32 bytes32 && field.Size == Bytes32.Length)
        {
            bytes32.WriteTo(word);
            return;
        }

        var bytes = AsBytes(field, value);
        if (bytes.Length != field.Size)
        {
            throw new ArgumentException($"Member '{field.Name}' needs exactly {field.Size} bytes.", field.Name);
        }

        bytes.CopyTo(word);
    }

    private static byte[] AsBytes(CompiledField field, object? value) => value switch
    {
        byte[] bytes => bytes,
        string hex => Hex.Decode(hex),
        _ => throw WrongValue(field, value),
    };

    private static ArgumentException WrongValue(CompiledField field, object? value) =>
        new($"Member '{field.Name}' of type {field.TypeName} cannot take a value of type {value?.GetType().Name ?? "null"}.", field.Name);
}
