namespace Polytraders.ContractGen;

/// <summary>The types and aliases one schema file generates, in the order they are written.</summary>
public sealed record ContractFile(string SchemaFile, IReadOnlyList<ContractType> Types, IReadOnlyList<ContractAlias> Aliases)
{
    /// <summary>The generated file's name without extension: the schema file's name in PascalCase.</summary>
    public string BaseName => BaseNameOf(SchemaFile);

    /// <summary>Aliases, then types: what the TypeScript and Python writers declare, in this order.</summary>
    public IEnumerable<ContractDeclaration> Declarations => [.. Aliases, .. Types];

    public static string BaseNameOf(string schemaFile) => Naming.Pascal(Path.GetFileNameWithoutExtension(schemaFile));
}

/// <summary>Anything a schema file declares under a name.</summary>
public abstract record ContractDeclaration(string Name, string? Summary);

/// <summary>A record or enum: what every language declares, C# included.</summary>
public abstract record ContractType(string Name, string? Summary) : ContractDeclaration(Name, Summary);

/// <summary>An object; <paramref name="OpenToExtras"/> when the schema does not say additionalProperties: false.</summary>
public sealed record ContractRecord(string Name, string? Summary, IReadOnlyList<ContractField> Fields, bool OpenToExtras) : ContractType(Name, Summary);

/// <summary>
/// One property, in schema order: its position is its Orleans field id, so properties are only ever appended.
/// <paramref name="Nullable"/> when the schema's type admits null, independent of <paramref name="Required"/>.
/// </summary>
public sealed record ContractField(string JsonName, string Name, FieldType Type, bool Required, bool Nullable, string? Summary)
{
    /// <summary>Whether the C# property (and its wire field) is declared nullable: when it may be absent or null.</summary>
    public bool ClrNullable => !Required || Nullable;
}

public sealed record ContractEnum(string Name, string? Summary, IReadOnlyList<string> WireValues) : ContractType(Name, Summary);

/// <summary>A named definition of a plain value (PortfolioId, Pusd): C# inlines its type, TypeScript and Python name it.</summary>
public sealed record ContractAlias(string Name, string? Summary, FieldType Type) : ContractDeclaration(Name, Summary);
