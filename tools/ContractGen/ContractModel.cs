using System.Globalization;
using NJsonSchema;

namespace Polytraders.ContractGen;

/// <summary>
/// The shape of a <see cref="ContractSchemaSet"/>: per schema file, its records (properties in schema order), enums and
/// aliases (named definitions of a plain value, such as PortfolioId). Every writer renders from it, so the C# records,
/// their Orleans wire form, the TypeScript declarations and the Pydantic models cannot disagree on a field.
/// </summary>
public sealed class ContractModel
{
    private readonly Dictionary<string, TypeDefinition> _types = new(StringComparer.Ordinal);
    private readonly List<ContractFile> _files = [];

    private ContractModel()
    {
    }

    /// <summary>
    /// Files ordered by schema file name; within a file, its types by name, then the enums its properties declare
    /// inline; its aliases by name.
    /// </summary>
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
            model._files.Add(model.Build(group.Key, [.. group.OrderBy(t => t.Name, StringComparer.Ordinal)]));
        }

        return model;
    }

    private void Collect(ContractSchema contract)
    {
        var (file, root, ownDefinitions) = contract;
        foreach (var key in ownDefinitions)
        {
            var definition = root.Definitions[key];
            Register(key, definition, file, IsNamedType(definition) ? DefinitionKind.Type : DefinitionKind.Alias);
        }

        if (root.ActualProperties.Count > 0)
        {
            Register(root.Title ?? throw new InvalidOperationException($"{file} needs a title: it names the C# type."), root, file, DefinitionKind.Type);
        }
    }

    private static bool IsNamedType(JsonSchema schema) =>
        schema.ActualProperties.Count > 0 || (schema.Enumeration.Count > 0 && schema.Type == JsonObjectType.String && schema.Format != "decimal");

    private void Register(string name, JsonSchema schema, string file, DefinitionKind kind)
    {
        if (!_types.TryAdd(name, new TypeDefinition(name, schema, file, kind)))
        {
            throw new InvalidOperationException($"Type {name} is defined twice ({file} and {_types[name].SourceFile}).");
        }
    }

    private ContractFile Build(string file, IReadOnlyList<TypeDefinition> definitions)
    {
        var built = new List<ContractType>();
        var scope = new FileScope(file, []);
        foreach (var type in definitions.Where(d => d.Kind == DefinitionKind.Type))
        {
            built.Add(type.Schema.ActualProperties.Count > 0 ? Record(type, scope) : Enum(type.Name, type.Schema));
        }

        var aliases = definitions
            .Where(d => d.Kind == DefinitionKind.Alias)
            .Select(d => new ContractAlias(d.Name, d.Schema.Description, Shape(d.Schema, d.Name, "", scope)))
            .ToList();
        built.AddRange(scope.InlineEnums.Select(inline => Enum(inline.Name, inline.Schema)));
        return new ContractFile(file, built, aliases);
    }

    private ContractRecord Record(TypeDefinition type, FileScope scope)
    {
        var fields = type.Schema.ActualProperties.Select(p =>
        {
            var shape = FieldShape(p.Value, type.Name, p.Key, scope);
            return new ContractField(
                p.Key,
                Naming.Pascal(p.Key),
                shape,
                type.Schema.RequiredProperties.Contains(p.Key),
                p.Value.ActualSchema.Type.HasFlag(JsonObjectType.Null),
                p.Value.Description ?? p.Value.ActualSchema.Description);
        });
        return new ContractRecord(type.Name, type.Schema.Description, [.. fields], type.Schema.ActualSchema.AllowAdditionalProperties);
    }

    private static ContractEnum Enum(string name, JsonSchema schema) => new(name, schema.Description, EnumValues(schema));

    private static List<string> EnumValues(JsonSchema schema) =>
        [.. schema.Enumeration.Select(value => Convert.ToString(value, CultureInfo.InvariantCulture)!)];

    /// <summary>What a property holds: a named record, enum or alias when it refers to one, else its own shape.</summary>
    private FieldType FieldShape(JsonSchema property, string owner, string jsonName, FileScope scope)
    {
        var schema = property.ActualSchema;
        if (NameOf(schema) is { } named && _types.TryGetValue(named, out var definition))
        {
            return definition.Kind == DefinitionKind.Type
                ? new NamedType(named, definition.SourceFile)
                : new AliasType(named, definition.SourceFile, Shape(schema, owner, jsonName, scope));
        }

        return Shape(schema, owner, jsonName, scope);
    }

    private FieldType Shape(JsonSchema schema, string owner, string jsonName, FileScope scope)
    {
        var type = schema.Type & ~JsonObjectType.Null;
        if (type == JsonObjectType.Array)
        {
            var items = schema.Item ?? throw new InvalidOperationException($"{owner}.{jsonName}: array without items.");
            return new ArrayType(FieldShape(items, owner, jsonName, scope), Rules(schema));
        }

        if (IsNamedType(schema))
        {
            var enumName = owner + Naming.Pascal(jsonName);
            if (scope.InlineEnums.All(e => e.Name != enumName))
            {
                scope.InlineEnums.Add(new TypeDefinition(enumName, schema, scope.File, DefinitionKind.Type));
            }

            return new NamedType(enumName, scope.File);
        }

        var kind = type switch
        {
            JsonObjectType.String when schema.Format == "decimal" => ScalarKind.DecimalString,
            JsonObjectType.String when schema.Format == "date-time" => ScalarKind.DateTime,
            JsonObjectType.String when schema.Format == "uuid" => ScalarKind.Uuid,
            JsonObjectType.String => ScalarKind.String,
            JsonObjectType.Integer => ScalarKind.Integer,
            JsonObjectType.Number => ScalarKind.Number,
            JsonObjectType.Boolean => ScalarKind.Boolean,
            _ => throw new InvalidOperationException($"{owner}.{jsonName}: no contract type for schema type {schema.Type}."),
        };
        return new ScalarType(kind, Rules(schema));
    }

    private static ValueRules Rules(JsonSchema schema) => new(
        schema.Pattern,
        schema.MinLength,
        schema.MaxLength,
        schema.Minimum,
        schema.Maximum,
        schema.ExclusiveMinimum,
        schema.ExclusiveMaximum,
        schema.MinItems > 0 ? schema.MinItems : null,
        schema.MaxItems > 0 ? schema.MaxItems : null,
        schema.UniqueItems,
        schema.Enumeration.Count > 0 ? EnumValues(schema) : null);

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

    private enum DefinitionKind
    {
        Type,
        Alias,
    }

    private sealed record TypeDefinition(string Name, JsonSchema Schema, string SourceFile, DefinitionKind Kind);

    /// <summary>The schema file being built and the enums its properties declare inline (named owner + property).</summary>
    private sealed record FileScope(string File, List<TypeDefinition> InlineEnums);
}
