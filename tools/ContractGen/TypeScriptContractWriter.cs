using System.Globalization;
using System.Text;

namespace Polytraders.ContractGen;

/// <summary>
/// Writes TypeScript declarations (types only, no runtime code) for a <see cref="ContractModel"/>: one module per
/// schema, an interface per record, a string-literal union per enum, a named type per alias, and index.ts exporting
/// them all. TypeScript cannot check patterns or bounds; they are written as JSDoc tags for the reader.
/// </summary>
public static class TypeScriptContractWriter
{
    public static IReadOnlyDictionary<string, string> Write(ContractSchemaSet set)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var model = ContractModel.Of(set);
        foreach (var file in model.Files)
        {
            files[file.BaseName + ".ts"] = Render(file);
        }

        var index = GeneratedHeader.Start(null, "//");
        foreach (var file in model.Files)
        {
            index.Append($"export type * from \"./{file.BaseName}.js\";\n");
        }

        files["index.ts"] = index.ToString();
        return files;
    }

    private static string Render(ContractFile file)
    {
        var text = GeneratedHeader.Start(file.SchemaFile, "//");
        foreach (var (module, names) in ContractReferences.Imports(file).Select(i => (ContractFile.BaseNameOf(i.SchemaFile), i.Names)).OrderBy(i => i.Item1, StringComparer.Ordinal))
        {
            text.Append($"import type {{ {string.Join(", ", names)} }} from \"./{module}.js\";\n");
        }

        foreach (var declaration in file.Declarations)
        {
            text.Append('\n');
            switch (declaration)
            {
                case ContractRecord record:
                    RenderRecord(text, record);
                    break;
                case ContractEnum contractEnum:
                    AppendDoc(text, contractEnum.Summary, [], "");
                    text.Append($"export type {contractEnum.Name} = {Literals(contractEnum.WireValues, quoted: true)};\n");
                    break;
                case ContractAlias alias:
                    AppendDoc(text, alias.Summary, Tags(alias.Type), "");
                    text.Append($"export type {alias.Name} = {TypeOf(alias.Type)};\n");
                    break;
            }
        }

        return text.ToString();
    }

    private static void RenderRecord(StringBuilder body, ContractRecord record)
    {
        AppendDoc(body, record.Summary, [], "");
        body.Append($"export interface {record.Name} {{\n");
        foreach (var field in record.Fields)
        {
            AppendDoc(body, field.Summary, Tags(field.Type), "  ");
            var optional = field.Required ? "" : "?";
            var nullable = field.Nullable ? " | null" : "";
            body.Append($"  {field.JsonName}{optional}: {TypeOf(field.Type)}{nullable};\n");
        }

        if (record.OpenToExtras)
        {
            body.Append("  [property: string]: unknown;\n");
        }

        body.Append("}\n");
    }

    private static string TypeOf(FieldType type) => type switch
    {
        NamedType named => named.Name,
        AliasType alias => alias.Name,
        ArrayType { Items: ScalarType { Rules.Enum: not null } } array => $"({TypeOf(array.Items)})[]",
        ArrayType array => $"{TypeOf(array.Items)}[]",
        ScalarType { Rules.Enum: { } values } scalar => Literals(values, quoted: !IsNumber(scalar.Kind)),
        ScalarType scalar when IsNumber(scalar.Kind) => "number",
        ScalarType { Kind: ScalarKind.Boolean } => "boolean",
        ScalarType => "string",
        _ => throw new InvalidOperationException($"no TypeScript type for {type}"),
    };

    private static bool IsNumber(ScalarKind kind) => kind is ScalarKind.Integer or ScalarKind.Number;

    private static string Literals(IEnumerable<string> values, bool quoted) =>
        string.Join(" | ", values.Select(v => quoted ? Literal.String(v) : v));

    /// <summary>The keywords TypeScript cannot check, as JSDoc tags named after them.</summary>
    private static List<string> Tags(FieldType type)
    {
        var tags = new List<string>();
        switch (type)
        {
            case ArrayType array:
                AddRules(tags, array.Rules);
                tags.AddRange(array.Items is ScalarType ? Tags(array.Items) : []);
                break;
            case ScalarType scalar:
                tags.AddRange(scalar.Kind switch
                {
                    ScalarKind.DecimalString => ["@format decimal"],
                    ScalarKind.DateTime => ["@format date-time"],
                    ScalarKind.Uuid => ["@format uuid"],
                    ScalarKind.Integer => ["@type integer"],
                    _ => [],
                });
                AddRules(tags, scalar.Rules);
                break;
        }

        return tags;
    }

    private static void AddRules(List<string> tags, ValueRules rules)
    {
        Add("pattern", rules.Pattern);
        Add("minLength", rules.MinLength);
        Add("maxLength", rules.MaxLength);
        Add("minimum", rules.Minimum);
        Add("maximum", rules.Maximum);
        Add("exclusiveMinimum", rules.ExclusiveMinimum);
        Add("exclusiveMaximum", rules.ExclusiveMaximum);
        Add("minItems", rules.MinItems);
        Add("maxItems", rules.MaxItems);
        if (rules.UniqueItems)
        {
            tags.Add("@uniqueItems");
        }

        void Add(string keyword, object? value)
        {
            if (value is not null)
            {
                tags.Add($"@{keyword} {Convert.ToString(value, CultureInfo.InvariantCulture)}");
            }
        }
    }

    private static void AppendDoc(StringBuilder body, string? summary, IReadOnlyList<string> tags, string indent)
    {
        var lines = new List<string>();
        if (!string.IsNullOrWhiteSpace(summary))
        {
            lines.Add(summary);
        }

        lines.AddRange(tags);
        if (lines.Count == 0)
        {
            return;
        }

        // A pattern or a description may hold "*/", which would end the comment early.
        var escaped = lines.Select(l => l.Replace("*/", "*\\/", StringComparison.Ordinal)).ToList();
        if (escaped.Count == 1)
        {
            body.Append($"{indent}/** {escaped[0]} */\n");
            return;
        }

        body.Append($"{indent}/**\n");
        foreach (var line in escaped)
        {
            body.Append($"{indent} * {line}\n");
        }

        body.Append($"{indent} */\n");
    }
}
