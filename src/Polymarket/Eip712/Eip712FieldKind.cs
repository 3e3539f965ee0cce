namespace Polytraders.Polymarket.Eip712;

/// <summary>How a member is turned into its 32-byte encodeData word (EIP-712 "Definition of encodeData").</summary>
internal enum Eip712FieldKind
{
    Uint,
    Int,
    Address,
    Bool,
    FixedBytes,
    DynamicBytes,
    String,
    Struct,
}

/// <summary>A member with its type parsed once, so that hashing does not re-parse type strings.</summary>
internal sealed record CompiledField(string Name, Eip712FieldKind Kind, int Size, string TypeName);
