using System.Text;

namespace Polytraders.ContractGen;

/// <summary>
/// Writes the Orleans wire form of the contracts (Polytraders.Grains.Abstractions), so the contracts themselves need no
/// Orleans: per record a surrogate struct with field ids in schema property order and its converter, per enum a codec
/// that writes its number as Orleans' own generated enum codecs do. The ids are the wire format: append properties to
/// a schema, never reorder or remove them.
/// </summary>
public static class OrleansWireWriter
{
    public const string Namespace = "Polytraders.Contracts.Wire";

    public static IReadOnlyDictionary<string, string> Write(ContractSchemaSet set)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in ContractModel.Of(set).Files)
        {
            files[file.BaseName + ".Wire.g.cs"] = Render(file);
        }

        return files;
    }

    private static string Render(ContractFile file)
    {
        var text = GeneratedHeader.Start(file.SchemaFile);
        text.Append("using System.Buffers;\n");
        text.Append("using Orleans;\n");
        text.Append("using Orleans.Serialization.Buffers;\n");
        text.Append("using Orleans.Serialization.Codecs;\n");
        text.Append("using Orleans.Serialization.WireProtocol;\n\n");
        text.Append($"namespace {Namespace};\n");
        foreach (var type in file.Types)
        {
            if (type is ContractRecord record)
            {
                RenderSurrogate(text, record);
                RenderConverter(text, record);
            }
            else
            {
                RenderEnumCodec(text, (ContractEnum)type);
            }
        }

        return text.ToString();
    }

    private static void RenderSurrogate(StringBuilder body, ContractRecord record)
    {
        body.Append('\n');
        body.Append($"/// <summary>Wire form of <see cref=\"{CSharpContractWriter.Namespace}.{record.Name}\"/>.</summary>\n");
        body.Append("[GenerateSerializer]\n");
        body.Append($"[Alias(\"{Namespace}.{record.Name}\")]\n");
        body.Append($"public struct {record.Name}Surrogate\n{{\n");
        for (var id = 0; id < record.Fields.Count; id++)
        {
            var field = record.Fields[id];
            if (id > 0)
            {
                body.Append('\n');
            }

            body.Append($"    [Id({id})]\n");
            body.Append($"    public {Qualified(CSharpContractWriter.ClrType(field.Type))}{(field.ClrNullable ? "?" : "")} {field.Name};\n");
        }

        body.Append("}\n");
    }

    private static void RenderConverter(StringBuilder body, ContractRecord record)
    {
        var contract = $"{CSharpContractWriter.Namespace}.{record.Name}";
        body.Append('\n');
        body.Append("[RegisterConverter]\n");
        body.Append($"public sealed class {record.Name}Converter : IConverter<{contract}, {record.Name}Surrogate>\n{{\n");
        body.Append($"    public {contract} ConvertFromSurrogate(in {record.Name}Surrogate surrogate) => new()\n    {{\n");
        foreach (var field in record.Fields)
        {
            body.Append($"        {field.Name} = surrogate.{field.Name},\n");
        }

        body.Append("    };\n\n");
        body.Append($"    public {record.Name}Surrogate ConvertToSurrogate(in {contract} value) => new()\n    {{\n");
        foreach (var field in record.Fields)
        {
            body.Append($"        {field.Name} = value.{field.Name},\n");
        }

        body.Append("    };\n}\n");
    }

    private static void RenderEnumCodec(StringBuilder body, ContractEnum contractEnum)
    {
        var type = $"{CSharpContractWriter.Namespace}.{contractEnum.Name}";
        body.Append('\n');
        body.Append($"/// <summary>Writes <see cref=\"{type}\"/> as its number.</summary>\n");
        body.Append("[RegisterSerializer]\n");
        body.Append($"public sealed class {contractEnum.Name}Codec : IFieldCodec<{type}>\n{{\n");
        body.Append($"    private static readonly Type FieldType = typeof({type});\n\n");
        body.Append($"    public void WriteField<TBufferWriter>(ref Writer<TBufferWriter> writer, uint fieldIdDelta, Type? expectedType, {type} value)\n");
        body.Append("        where TBufferWriter : IBufferWriter<byte> =>\n");
        body.Append("        Int32Codec.WriteField(ref writer, fieldIdDelta, expectedType, (int)value, FieldType);\n\n");
        body.Append($"    public {type} ReadValue<TInput>(ref Reader<TInput> reader, Field field) => ({type})Int32Codec.ReadValue(ref reader, field);\n");
        body.Append("}\n");
    }

    /// <summary>Contract types are named from the contracts' namespace: the wire namespace declares twins of their names.</summary>
    private static string Qualified(string clrType) => clrType switch
    {
        "string" or "decimal" or "long" or "bool" or "DateTimeOffset" or "Guid" => clrType,
        _ when clrType.StartsWith("List<", StringComparison.Ordinal) => $"List<{Qualified(clrType[5..^1])}>",
        _ => $"{CSharpContractWriter.Namespace}.{clrType}",
    };
}
