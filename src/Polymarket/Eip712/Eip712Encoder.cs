namespace Polytraders.Polymarket.Eip712;

/// <summary>
/// EIP-712 hashing over a <see cref="Eip712TypeSet"/> and member values given by name.
/// Values: integers as ulong/long/int/uint/BigInteger, addresses as EthereumAddress or hex,
/// bool, bytes&lt;N&gt; as Bytes32/byte[]/hex, bytes as byte[]/hex, strings, and nested structs as
/// another name→value dictionary.
/// </summary>
public static class Eip712Encoder
{
    public const int HashLength = 32;

    // Structs up to this many members are encoded on the stack (the order struct has 11).
    private const int StackMemberLimit = 16;

    /// <summary>hashStruct(s) = keccak256(typeHash(T) ‖ encodeData(s)).</summary>
    public static void HashStruct(
        Eip712TypeSet types,
        string typeName,
        IReadOnlyDictionary<string, object?> values,
        Span<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(types);
        ArgumentNullException.ThrowIfNull(values);
        var fields = types.Fields(typeName);
        var length = HashLength * (fields.Length + 1);
        Span<byte> encoded = fields.Length <= StackMemberLimit ? stackalloc byte[HashLength * (StackMemberLimit + 1)] : new byte[length];
        encoded = encoded[..length];
        types.TypeHash(typeName).CopyTo(encoded);
        for (var i = 0; i < fields.Length; i++)
        {
            var field = fields[i];
            if (!values.TryGetValue(field.Name, out var value))
            {
                throw new ArgumentException($"No value for member '{field.Name}' of {typeName}.", nameof(values));
            }

            var word = encoded.Slice(HashLength * (i + 1), HashLength);
            if (field.Kind == Eip712FieldKind.Struct)
            {
                var nested = value as IReadOnlyDictionary<string, object?>
                    ?? throw new ArgumentException($"Member '{field.Name}' needs a {field.TypeName} value.", nameof(values));
                HashStruct(types, field.TypeName, nested, word);
            }
            else
            {
                Eip712WordWriter.Write(field, value, word);
            }
        }

        Crypto.Keccak256.Hash(encoded, destination);
    }

    public static byte[] HashStruct(Eip712TypeSet types, string typeName, IReadOnlyDictionary<string, object?> values)
    {
        var hash = new byte[HashLength];
        HashStruct(types, typeName, values, hash);
        return hash;
    }

    /// <summary>The signing digest keccak256(0x19 ‖ 0x01 ‖ domainSeparator ‖ structHash).</summary>
    public static void Digest(ReadOnlySpan<byte> domainSeparator, ReadOnlySpan<byte> structHash, Span<byte> destination)
    {
        Span<byte> preimage = stackalloc byte[2 + (2 * HashLength)];
        preimage[0] = 0x19;
        preimage[1] = 0x01;
        domainSeparator.CopyTo(preimage[2..]);
        structHash.CopyTo(preimage[(2 + HashLength)..]);
        Crypto.Keccak256.Hash(preimage, destination);
    }

    /// <summary>The signing digest of a message of <paramref name="primaryType"/> under <paramref name="domain"/>.</summary>
    public static byte[] Digest(
        Eip712Domain domain,
        Eip712TypeSet types,
        string primaryType,
        IReadOnlyDictionary<string, object?> message)
    {
        ArgumentNullException.ThrowIfNull(domain);
        Span<byte> structHash = stackalloc byte[HashLength];
        HashStruct(types, primaryType, message, structHash);
        var digest = new byte[HashLength];
        Digest(domain.Separator, structHash, digest);
        return digest;
    }
}
