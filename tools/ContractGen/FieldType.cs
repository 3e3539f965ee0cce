namespace Polytraders.ContractGen;

/// <summary>What a property or alias holds, independent of the language it is written in.</summary>
public abstract record FieldType;

/// <summary>A record or enum of the model, declared in <paramref name="SchemaFile"/>.</summary>
public sealed record NamedType(string Name, string SchemaFile) : FieldType;

/// <summary>A reference to an alias of the model; <paramref name="Target"/> is what the alias stands for.</summary>
public sealed record AliasType(string Name, string SchemaFile, FieldType Target) : FieldType;

public sealed record ArrayType(FieldType Items, ValueRules Rules) : FieldType;

public sealed record ScalarType(ScalarKind Kind, ValueRules Rules) : FieldType;

/// <summary>JSON's scalars, with the string formats the contracts give a type of their own.</summary>
public enum ScalarKind
{
    String,

    /// <summary>format: decimal, a number written as a string so no digit is lost.</summary>
    DecimalString,

    /// <summary>format: date-time (RFC 3339).</summary>
    DateTime,

    /// <summary>format: uuid.</summary>
    Uuid,
    Integer,
    Number,
    Boolean,
}

/// <summary>The validation keywords of one schema that the generated types carry (as checks or as documentation).</summary>
public sealed record ValueRules(
    string? Pattern,
    int? MinLength,
    int? MaxLength,
    decimal? Minimum,
    decimal? Maximum,
    decimal? ExclusiveMinimum,
    decimal? ExclusiveMaximum,
    int? MinItems,
    int? MaxItems,
    bool UniqueItems,
    IReadOnlyList<string>? Enum);
