using System.Globalization;
using System.Text;

namespace Polytraders.ContractGen;

/// <summary>
/// Writes Pydantic v2 models for a <see cref="ContractModel"/>: a package with one module per schema, a model per
/// record, a Literal per enum, an Annotated type per alias, and <c>__init__.py</c> exporting them all. The models
/// check what JSON Schema's type, required, enum, pattern, additionalProperties, length, bound, uniqueItems and
/// date-time/uuid keywords say; cross-field rules (oneOf, not, the contract rules in C#) are not theirs.
/// </summary>
public static class PythonContractWriter
{
    public const string BaseModule = "_base";

    /// <summary>Python keywords a property may be named (e.g. return): the attribute takes a trailing underscore and the JSON name as alias.</summary>
    private static readonly HashSet<string> Keywords =
    [
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
        "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal",
        "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
    ];

    public static IReadOnlyDictionary<string, string> Write(ContractSchemaSet set)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var model = ContractModel.Of(set);
        foreach (var file in model.Files)
        {
            files[ModuleOf(file.SchemaFile) + ".py"] = Render(file);
        }

        files[BaseModule + ".py"] = BaseModuleText();
        files["__init__.py"] = Package(model);
        return files;
    }

    /// <summary>The module a schema file's models live in: StrategyLaunch.json is strategy_launch.</summary>
    public static string ModuleOf(string schemaFile) => Naming.Snake(ContractFile.BaseNameOf(schemaFile));

    private static string BaseModuleText()
    {
        var text = GeneratedHeader.Start(null, "#");
        text.Append("\"\"\"What every generated contract model shares.\"\"\"\n\n");
        text.Append("from typing import TypeVar\n\n");
        text.Append("from pydantic import BaseModel, ConfigDict\n\n");
        text.Append("T = TypeVar(\"T\")\n\n\n");
        text.Append("class Contract(BaseModel):\n");
        text.Append("    \"\"\"A contract document, read as JSON Schema reads it: no coercion (\"5\" is not 5), unknown fields refused,\n");
        text.Append("    patterns matched by Python's re (the schemas' ECMA-262 patterns use lookahead, which Rust's regex lacks).\"\"\"\n\n");
        text.Append("    model_config = ConfigDict(strict=True, extra=\"forbid\", regex_engine=\"python-re\")\n\n\n");
        text.Append("def unique_items(items: list[T]) -> list[T]:\n");
        text.Append("    \"\"\"uniqueItems: Pydantic has no such constraint on lists, and models are not hashable, so compare pairwise.\"\"\"\n");
        text.Append("    for index, item in enumerate(items):\n");
        text.Append("        if item in items[:index]:\n");
        text.Append("            raise ValueError(f\"items must be unique; {item!r} repeats\")\n");
        text.Append("    return items\n");
        return text.ToString();
    }

    private static string Package(ContractModel model)
    {
        var text = GeneratedHeader.Start(null, "#");
        text.Append("\"\"\"Pydantic v2 models of the Polytraders contracts.\"\"\"\n\n");
        var names = new List<string> { "Contract" };
        text.Append($"from .{BaseModule} import Contract\n");
        foreach (var file in model.Files)
        {
            var declared = file.Declarations.Select(d => d.Name).Order(StringComparer.Ordinal).ToList();
            names.AddRange(declared);
            text.Append($"from .{ModuleOf(file.SchemaFile)} import {string.Join(", ", declared)}\n");
        }

        text.Append("\n__all__ = [\n");
        foreach (var name in names.Order(StringComparer.Ordinal))
        {
            text.Append($"    {Literal.String(name)},\n");
        }

        text.Append("]\n");
        return text.ToString();
    }

    private static string Render(ContractFile file)
    {
        var body = new StringBuilder();
        var used = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var declaration in ContractReferences.DependenciesFirst(file))
        {
            switch (declaration)
            {
                case ContractRecord record:
                    RenderRecord(body, record, used);
                    break;
                case ContractEnum contractEnum:
                    used.Add("typing.Literal");
                    body.Append($"\n\n{contractEnum.Name} = Literal[{string.Join(", ", contractEnum.WireValues.Select(Literal.String))}]\n");
                    AppendDocstring(body, contractEnum.Summary, "");
                    break;
                case ContractAlias alias:
                    body.Append($"\n\n{alias.Name} = {TypeOf(alias.Type, used)}\n");
                    AppendDocstring(body, alias.Summary, "");
                    break;
            }
        }

        var text = GeneratedHeader.Start(file.SchemaFile, "#");
        AppendImports(text, used);
        foreach (var (module, names) in ContractReferences.Imports(file).Select(i => (ModuleOf(i.SchemaFile), i.Names)).OrderBy(i => i.Item1, StringComparer.Ordinal))
        {
            text.Append($"from .{module} import {string.Join(", ", names)}\n");
        }

        return text.Append(body).ToString();
    }

    /// <summary>Standard library first, then Pydantic, then the package's own base, as isort orders them.</summary>
    private static void AppendImports(StringBuilder text, SortedSet<string> used)
    {
        foreach (var group in new[] { new[] { "typing", "uuid" }, ["pydantic"], [$".{BaseModule}"] })
        {
            var lines = group
                .Select(module => (module, names: used.Where(u => u.StartsWith(module + ".", StringComparison.Ordinal)).Select(u => u[(module.Length + 1)..]).ToList()))
                .Where(m => m.names.Count > 0)
                .Select(m => $"from {m.module} import {string.Join(", ", m.names)}\n")
                .ToList();
            if (lines.Count > 0)
            {
                text.Append('\n');
                lines.ForEach(line => text.Append(line));
            }
        }
    }

    private static void RenderRecord(StringBuilder body, ContractRecord record, SortedSet<string> used)
    {
        used.Add($".{BaseModule}.Contract");
        body.Append($"\n\nclass {record.Name}(Contract):\n");
        AppendDocstring(body, record.Summary, "    ");
        if (record.OpenToExtras)
        {
            used.Add("pydantic.ConfigDict");
            body.Append("\n    model_config = ConfigDict(extra=\"allow\")\n");
        }

        foreach (var field in record.Fields)
        {
            var type = TypeOf(field.Type, used) + (field.Nullable || !field.Required ? " | None" : "");
            var keyword = Keywords.Contains(field.JsonName);
            var name = keyword ? field.JsonName + "_" : field.JsonName;
            var defaults = new List<string>();
            if (!field.Required)
            {
                defaults.Add("default=None");
            }

            if (keyword)
            {
                used.Add("pydantic.Field");
                defaults.Add($"alias={Literal.String(field.JsonName)}");
            }

            var assignment = defaults switch
            {
                [] => "",
                ["default=None"] => " = None",
                _ => $" = Field({string.Join(", ", defaults)})",
            };
            body.Append($"\n    {name}: {type}{assignment}\n");
            AppendDocstring(body, field.Summary, "    ");
        }
    }

    private static string TypeOf(FieldType type, SortedSet<string> used)
    {
        switch (type)
        {
            case NamedType named:
                return named.Name;
            case AliasType alias:
                return alias.Name;
            case ArrayType array:
                var items = $"list[{TypeOf(array.Items, used)}]";
                var extras = array.Rules.UniqueItems ? ", AfterValidator(unique_items)" : "";
                if (array.Rules.UniqueItems)
                {
                    used.Add("pydantic.AfterValidator");
                    used.Add($".{BaseModule}.unique_items");
                }

                return Annotated(items, Constraints(("min_length", array.Rules.MinItems), ("max_length", array.Rules.MaxItems)), extras, used);
            case ScalarType { Rules.Enum: { } values } scalar:
                used.Add("typing.Literal");
                var quoted = scalar.Kind is not (ScalarKind.Integer or ScalarKind.Number);
                return $"Literal[{string.Join(", ", values.Select(v => quoted ? Literal.String(v) : v))}]";
            case ScalarType scalar:
                var rules = scalar.Rules;
                // Pydantic checks a pattern or a length only on str: a formatted string that has them stays a str
                // (its pattern says more than its format, e.g. a lower-case uuid).
                var stringRules = rules.Pattern is not null || rules.MinLength is not null || rules.MaxLength is not null;
                var python = scalar.Kind switch
                {
                    ScalarKind.Integer => "int",
                    ScalarKind.Number => "float",
                    ScalarKind.Boolean => "bool",
                    ScalarKind.DateTime when !stringRules => Use("pydantic.AwareDatetime"),
                    ScalarKind.Uuid when !stringRules => Use("uuid.UUID"),
                    _ => "str",
                };
                return Annotated(python, Constraints(
                    ("pattern", rules.Pattern is null ? null : Literal.String(PythonPattern(rules.Pattern))),
                    ("min_length", rules.MinLength),
                    ("max_length", rules.MaxLength),
                    ("ge", rules.Minimum),
                    ("le", rules.Maximum),
                    ("gt", rules.ExclusiveMinimum),
                    ("lt", rules.ExclusiveMaximum)), "", used);
            default:
                throw new InvalidOperationException($"no Python type for {type}");
        }

        string Use(string qualified)
        {
            used.Add(qualified);
            return qualified[(qualified.LastIndexOf('.') + 1)..];
        }
    }

    private static List<string> Constraints(params (string Name, object? Value)[] constraints) =>
        [.. constraints.Where(c => c.Value is not null).Select(c => $"{c.Name}={Convert.ToString(c.Value, CultureInfo.InvariantCulture)}")];

    private static string Annotated(string type, List<string> constraints, string extras, SortedSet<string> used)
    {
        if (constraints.Count == 0 && extras.Length == 0)
        {
            return type;
        }

        used.Add("typing.Annotated");
        if (constraints.Count > 0)
        {
            used.Add("pydantic.Field");
        }

        var field = constraints.Count > 0 ? $", Field({string.Join(", ", constraints)})" : "";
        return $"Annotated[{type}{field}{extras}]";
    }

    /// <summary>
    /// ECMA-262's <c>$</c> (no multiline) matches only at the very end; Python's also matches before a final newline,
    /// so "PORT-001\n" would pass as a Portfolio id. A closing <c>$</c> becomes <c>\Z</c>.
    /// </summary>
    private static string PythonPattern(string pattern)
    {
        var backslashes = pattern.Length - 1 - pattern[..^1].TrimEnd('\\').Length;
        return pattern.EndsWith('$') && backslashes % 2 == 0 ? pattern[..^1] + "\\Z" : pattern;
    }

    private static void AppendDocstring(StringBuilder body, string? summary, string indent)
    {
        if (!string.IsNullOrWhiteSpace(summary))
        {
            body.Append($"{indent}{Literal.String(summary)}\n");
        }
    }
}
