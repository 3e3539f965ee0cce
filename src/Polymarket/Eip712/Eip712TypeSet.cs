using System.Collections.Frozen;
using System.Text;

namespace Polytraders.Polymarket.Eip712;

/// <summary>
/// The struct types of one EIP-712 typed-data description (everything but EIP712Domain, which
/// <see cref="Eip712Domain"/> builds from the fields it has). Types are data, not code: any struct
/// whose members are uint&lt;N&gt;, int&lt;N&gt;, address, bool, bytes&lt;N&gt;, bytes, string or another struct of
/// the set can be described. Arrays are not supported (no Polymarket message uses them).
/// encodeType strings and type hashes are computed once per type and cached.
/// </summary>
public sealed class Eip712TypeSet
{
    private readonly FrozenDictionary<string, CompiledField[]> _structs;
    private readonly FrozenDictionary<string, string> _encodedTypes;
    private readonly FrozenDictionary<string, byte[]> _typeHashes;

    public Eip712TypeSet(IReadOnlyDictionary<string, IReadOnlyList<Eip712Field>> structs)
    {
        ArgumentNullException.ThrowIfNull(structs);
        _structs = structs.ToFrozenDictionary(
            pair => pair.Key,
            pair => pair.Value.Select(field => Compile(field, structs)).ToArray(),
            StringComparer.Ordinal);
        _encodedTypes = _structs.Keys.ToFrozenDictionary(name => name, BuildEncodeType, StringComparer.Ordinal);
        _typeHashes = _encodedTypes.ToFrozenDictionary(
            pair => pair.Key,
            pair => Crypto.Keccak256.HashUtf8(pair.Value),
            StringComparer.Ordinal);
    }

    /// <summary>encodeType(T): "T(type name,...)" followed by every referenced struct type, sorted by name.</summary>
    public string EncodeType(string typeName) => _encodedTypes.TryGetValue(typeName, out var encoded)
        ? encoded
        : throw UnknownType(typeName);

    /// <summary>typeHash(T) = keccak256(encodeType(T)).</summary>
    public ReadOnlySpan<byte> TypeHash(string typeName) => _typeHashes.TryGetValue(typeName, out var hash)
        ? hash
        : throw UnknownType(typeName);

    internal CompiledField[] Fields(string typeName) => _structs.TryGetValue(typeName, out var fields)
        ? fields
        : throw UnknownType(typeName);

    private string BuildEncodeType(string primaryType)
    {
        var referenced = new SortedSet<string>(StringComparer.Ordinal);
        CollectReferences(primaryType, referenced);
        referenced.Remove(primaryType);
        var builder = new StringBuilder();
        AppendMemberList(builder, primaryType);
        foreach (var name in referenced)
        {
            AppendMemberList(builder, name);
        }

        return builder.ToString();
    }

    private void CollectReferences(string typeName, SortedSet<string> seen)
    {
        if (!seen.Add(typeName))
        {
            return;
        }

        foreach (var field in _structs[typeName].Where(f => f.Kind == Eip712FieldKind.Struct))
        {
            CollectReferences(field.TypeName, seen);
        }
    }

    private void AppendMemberList(StringBuilder builder, string typeName)
    {
        builder.Append(typeName).Append('(');
        builder.AppendJoin(',', _structs[typeName].Select(field => field.TypeName + " " + field.Name));
        builder.Append(')');
    }

    private static CompiledField Compile(Eip712Field field, IReadOnlyDictionary<string, IReadOnlyList<Eip712Field>> structs)
    {
        var type = field.Type;
        if (structs.ContainsKey(type))
        {
            return new CompiledField(field.Name, Eip712FieldKind.Struct, 0, type);
        }

        var (kind, size) = type switch
        {
            "address" => (Eip712FieldKind.Address, 20),
            "bool" => (Eip712FieldKind.Bool, 1),
            "string" => (Eip712FieldKind.String, 0),
            "bytes" => (Eip712FieldKind.DynamicBytes, 0),
            _ when type.StartsWith("uint", StringComparison.Ordinal) => (Eip712FieldKind.Uint, IntegerBits(type, 4)),
            _ when type.StartsWith("int", StringComparison.Ordinal) => (Eip712FieldKind.Int, IntegerBits(type, 3)),
            _ when type.StartsWith("bytes", StringComparison.Ordinal) => (Eip712FieldKind.FixedBytes, FixedBytesLength(type)),
            _ => throw new NotSupportedException($"EIP-712 type '{type}' of member '{field.Name}' is not supported."),
        };
        return new CompiledField(field.Name, kind, size, type);
    }

    private static int IntegerBits(string type, int prefixLength)
    {
        if (!int.TryParse(type.AsSpan(prefixLength), out var bits) || bits is < 8 or > 256 || bits % 8 != 0)
        {
            throw new NotSupportedException($"'{type}' is not a Solidity integer type.");
        }

        return bits;
    }

    private static int FixedBytesLength(string type)
    {
        if (!int.TryParse(type.AsSpan(5), out var length) || length is < 1 or > 32)
        {
            throw new NotSupportedException($"'{type}' is not a Solidity bytes<N> type.");
        }

        return length;
    }

    private static KeyNotFoundException UnknownType(string typeName) =>
        new($"EIP-712 struct type '{typeName}' is not in this type set.");
}
