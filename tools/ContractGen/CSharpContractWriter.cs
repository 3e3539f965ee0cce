using System.Text;

namespace Polytraders.ContractGen;

/// <summary>
/// Writes plain C# records and enums (System.Text.Json names, no Orleans) for a <see cref="ContractModel"/>, one file
/// per schema. Their Orleans wire form is <see cref="OrleansWireWriter"/>'s.
/// </summary>
public static class CSharpContractWriter
{
    public const string Namespace = "Polytraders.Contracts";

    public static IReadOnlyDictionary<string, string> Write(ContractSchemaSet set)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in ContractModel.Of(set).Files)
        {
            files[file.BaseName + ".g.cs"] = Render(file);
        }

        files["ReasonCodes.g.cs"] = ReasonCodeWriter.Write(set.RegistryJson);
        return files;
    }

    private static string Render(ContractFile file)
    {
        var text = GeneratedHeader.Start(file.SchemaFile);
        text.Append("using System.Text.Json.Serialization;\n\n");
        text.Append($"namespace {Namespace};\n");
        foreach (var type in file.Types)
        {
            if (type is ContractRecord record)
            {
                RenderRecord(text, record);
            }
            else
            {
                RenderEnum(text, (ContractEnum)type);
            }
        }

        return text.ToString();
    }

    private static void RenderRecord(StringBuilder body, ContractRecord record)
    {
        body.Append('\n');
        GeneratedHeader.AppendSummary(body, record.Summary, "");
        body.Append($"public sealed partial record {record.Name}\n{{\n");
        var first = true;
        foreach (var field in record.Fields)
        {
            if (!first)
            {
                body.Append('\n');
            }

            first = false;
            GeneratedHeader.AppendSummary(body, field.Summary, "    ");
            body.Append($"    [JsonPropertyName(\"{field.JsonName}\")]\n");
            if (Scalar(field.Type)?.Kind == ScalarKind.DecimalString)
            {
                body.Append("    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.WriteAsString)]\n");
            }

            if (!field.Required)
            {
                body.Append("    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]\n");
            }

            var modifier = field.Required ? "required " : "";
            var nullable = field.ClrNullable ? "?" : "";
            body.Append($"    public {modifier}{ClrType(field.Type)}{nullable} {field.Name} {{ get; init; }}\n");
        }

        body.Append("}\n");
    }

    /// <summary>The C# type of a field: aliases are inlined, so PortfolioId is a string and Pusd a decimal.</summary>
    public static string ClrType(FieldType type) => type switch
    {
        NamedType named => named.Name,
        AliasType alias => ClrType(alias.Target),
        ArrayType array => $"List<{ClrType(array.Items)}>",
        ScalarType { Kind: ScalarKind.DecimalString or ScalarKind.Number } => "decimal",
        ScalarType { Kind: ScalarKind.DateTime } => "DateTimeOffset",
        ScalarType { Kind: ScalarKind.Uuid } => "Guid",
        ScalarType { Kind: ScalarKind.String } => "string",
        ScalarType { Kind: ScalarKind.Integer } => "long",
        ScalarType { Kind: ScalarKind.Boolean } => "bool",
        _ => throw new InvalidOperationException($"no C# type for {type}"),
    };

    private static ScalarType? Scalar(FieldType type) => type switch
    {
        ScalarType scalar => scalar,
        AliasType alias => Scalar(alias.Target),
        _ => null,
    };

    private static void RenderEnum(StringBuilder body, ContractEnum contractEnum)
    {
        body.Append('\n');
        GeneratedHeader.AppendSummary(body, contractEnum.Summary, "");
        body.Append($"[JsonConverter(typeof(JsonStringEnumConverter<{contractEnum.Name}>))]\n");
        body.Append($"public enum {contractEnum.Name}\n{{\n");
        var index = 0;
        foreach (var wire in contractEnum.WireValues)
        {
            body.Append($"    [JsonStringEnumMemberName(\"{wire}\")]\n");
            body.Append($"    {Naming.Pascal(wire)} = {index++},\n");
        }

        body.Append("}\n");
    }
}
