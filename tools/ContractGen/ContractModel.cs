using NJsonSchema;

namespace Polytraders.ContractGen;

/// <summary>
/// The C# shape of a <see cref="ContractSchemaSet"/>: per schema file, its records (properties in schema order) and
/// enums. Both writers render from it, so the plain records and their Orleans wire form cannot disagree on a field.
/// </summary>
public sealed class ContractModel
{
    private readonly Dictionary<string, TypeDefinition> _types = new(StringComparer.Ordinal);
    private readonly List<ContractFile> _files = [];

    private ContractModel()
    {
    }

    /// <summary>Files ordered by schema file name; within a file, its types by name, then the enums its properties declare inline.</summary>
    public IReadOnlyList<ContractFile> Files => _files;

    public static ContractModel Of(ContractSchemaSet set)
    {
        var model = new ContractModel();
        foreach (var schema in set.Schemas)
        {
            model.Collect(schema);
        }

        foreach (var group in model._types.Values.GroupBy(t => t.SourceFile).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            model._files.Add(model.Build(group.Key, group.OrderBy(t => t.Name, StringComparer.Ordinal)));
        }

        return model;
    }

    private void Collect(ContractSchema contract)
    {
        var (file, root, ownDefinitions) = contract;
        foreach (var key in ownDefinitions)
        {
            var definition = root.Definitions[key];
            if (IsNamedType(definition))
            {
                Register(key, definition, file);
            }
        }

        if (root.ActualProperties.Count > 0)
        {
            Register(root.Title ?? throw new InvalidOperationException($"{file} needs a title: it names the C# type."), root, file);
        }
    }

    private static bool IsNamedType(JsonSchema schema) =>
        schema.ActualProperties.Count > 0 || (schema.Enumeration.Count > 0 && schema.Type == JsonObjectType.String && schema.Format != "decimal");

    private void Register(string name, JsonSchema schema, string file)
    {
        if (!_types.TryAdd(name, new TypeDefinition(name, schema, file)))
        {
            throw new InvalidOperationException($"Type {name} is defined twice ({file} and {_types[name].SourceFile}).");
        }
    }

    private ContractFile Build(string file, IEnumerable<TypeDefinition> types)
    {
        var built = new List<ContractType>();
        var inlineEnums = new List<TypeDefinition>();
        foreach (var type in types)
        {
            built.Add(type.Schema.ActualProperties.Count > 0 ? Record(type, inlineEnums) : Enum(type.Name, type.Schema));
        }

        built.AddRange(inlineEnums.Select(inline => Enum(inline.Name, inline.Schema)));
        return new ContractFile(file, built);
    }

    private ContractRecord Record(TypeDefinition type, List<TypeDefinition> inlineEnums)
    {
        var fields = type.Schema.ActualProperties.Select(p => new ContractField(
            p.Key,
            Naming.Pascal(p.Key),
            ClrType(p.Value, type.Name, p.Key, inlineEnums),
            type.Schema.RequiredProperties.Contains(p.Key),
            IsDecimalString(p.Value.ActualSchema),
            p.Value.Description ?? p.Value.ActualSchema.Description));
        return new ContractRecord(type.Name, type.Schema.Description, [.. fields]);
    }

    private static ContractEnum Enum(string name, JsonSchema schema) => new(
        name,
        schema.Description,
        [.. schema.Enumeration.Select(value => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!)]);

    private string ClrType(JsonSchema property, string owner, string jsonName, List<TypeDefinition> inlineEnums)
    {
        var schema = property.ActualSchema;
        var named = NameOf(schema);
        if (named is not null && IsNamedType(schema))
        {
            return named;
        }

        if (schema.Type.HasFlag(JsonObjectType.Array))
        {
            return $"List<{ClrType(schema.Item ?? throw new InvalidOperationException($"{owner}.{jsonName}: array without items."), owner, jsonName, inlineEnums)}>";
        }

        if (IsNamedType(schema))
        {
            var enumName = owner + Naming.Pascal(jsonName);
            if (inlineEnums.All(e => e.Name != enumName))
            {
                inlineEnums.Add(new TypeDefinition(enumName, schema, ""));
            }

            return enumName;
        }

        return schema.Type switch
        {
            JsonObjectType.String when IsDecimalString(schema) => "decimal",
            JsonObjectType.String when schema.Format == "date-time" => "DateTimeOffset",
            JsonObjectType.String when schema.Format == "uuid" => "Guid",
            JsonObjectType.String => "string",
            JsonObjectType.Integer => "long",
            JsonObjectType.Number => "decimal",
            JsonObjectType.Boolean => "bool",
            _ => throw new InvalidOperationException($"{owner}.{jsonName}: no C# type for schema type {schema.Type}."),
        };
    }

    private static bool IsDecimalString(JsonSchema schema) => schema.Type == JsonObjectType.String && schema.Format == "decimal";

    /// <summary>The name a referenced schema carries: its title when it is a whole file, its key when it is a definition.</summary>
    private static string? NameOf(JsonSchema schema)
    {
        if (schema.Parent is JsonSchema parent)
        {
            foreach (var (key, definition) in parent.Definitions)
            {
                if (ReferenceEquals(definition, schema))
                {
                    return key;
                }
            }

            return null;
        }

        return schema.Title;
    }

    private sealed record TypeDefinition(string Name, JsonSchema Schema, string SourceFile);
}

/// <summary>The types one schema file generates, in the order they are written.</summary>
public sealed record ContractFile(string SchemaFile, IReadOnlyList<ContractType> Types)
{
    /// <summary>The generated file's name without extension: the schema file's name in PascalCase.</summary>
    public string BaseName => Naming.Pascal(Path.GetFileNameWithoutExtension(SchemaFile));
}

public abstract record ContractType(string Name, string? Summary);

public sealed record ContractRecord(string Name, string? Summary, IReadOnlyList<ContractField> Fields) : ContractType(Name, Summary);

/// <summary>One property, in schema order: its position is its Orleans field id, so properties are only ever appended.</summary>
public sealed record ContractField(string JsonName, string Name, string ClrType, bool Required, bool DecimalString, string? Summary);

public sealed record ContractEnum(string Name, string? Summary, IReadOnlyList<string> WireValues) : ContractType(Name, Summary);
