using Polytraders.ContractGen;

namespace Polytraders.Contracts.Tests;

/// <summary>
/// What the writers make of schema forms the contracts do not use yet: a nullable type, and an object open to unknown
/// properties (no additionalProperties: false). A Note schema beside the real ones uses both.
/// </summary>
public sealed class ContractWriterTests
{
    private const string Note = """
        {
          "$schema": "http://json-schema.org/draft-07/schema#",
          "$id": "Note.json",
          "title": "Note",
          "type": "object",
          "required": ["text", "author"],
          "properties": {
            "text": { "type": ["string", "null"], "maxLength": 200 },
            "author": { "$ref": "common.json#/definitions/OperatorId" },
            "tags": { "type": "array", "uniqueItems": true, "items": { "type": "string", "pattern": "^[a-z]+$" } }
          }
        }
        """;

    private static async Task<ContractSchemaSet> WithNote(Repo.TempDirectory temp)
    {
        foreach (var file in Directory.GetFiles(Repo.Schemas, "*.json"))
        {
            File.Copy(file, temp.Combine(Path.GetFileName(file)));
        }

        await File.WriteAllTextAsync(temp.Combine("Note.json"), Note);
        return await ContractSchemaSet.LoadAsync(temp.Path);
    }

    [Fact]
    public async Task a_required_nullable_property_must_be_present_and_may_be_null()
    {
        using var temp = Repo.Temp();
        var set = await WithNote(temp);

        Assert.Contains("    public required string? Text { get; init; }", CSharpContractWriter.Write(set)["Note.g.cs"], StringComparison.Ordinal);
        Assert.Contains("  text: string | null;", TypeScriptContractWriter.Write(set)["Note.ts"], StringComparison.Ordinal);
        Assert.Contains("    text: Annotated[str, Field(max_length=200)] | None\n", PythonContractWriter.Write(set)["note.py"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task an_object_without_additional_properties_false_accepts_unknown_properties()
    {
        using var temp = Repo.Temp();
        var set = await WithNote(temp);

        Assert.Contains("  [property: string]: unknown;\n}", TypeScriptContractWriter.Write(set)["Note.ts"], StringComparison.Ordinal);
        Assert.Contains("    model_config = ConfigDict(extra=\"allow\")", PythonContractWriter.Write(set)["note.py"], StringComparison.Ordinal);
        Assert.DoesNotContain("extra=\"allow\"", PythonContractWriter.Write(set)["tenant.py"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_reference_into_common_is_imported_by_name_and_inline_rules_stay_inline()
    {
        using var temp = Repo.Temp();
        var set = await WithNote(temp);
        var typeScript = TypeScriptContractWriter.Write(set)["Note.ts"];
        var python = PythonContractWriter.Write(set)["note.py"];

        Assert.Contains("import type { OperatorId } from \"./Common.js\";", typeScript, StringComparison.Ordinal);
        Assert.Contains("  author: OperatorId;", typeScript, StringComparison.Ordinal);
        Assert.Contains("  tags?: string[];", typeScript, StringComparison.Ordinal);
        Assert.Contains("from .common import OperatorId\n", python, StringComparison.Ordinal);
        Assert.Contains("    tags: Annotated[list[Annotated[str, Field(pattern=\"^[a-z]+\\\\Z\")]], AfterValidator(unique_items)] | None = None\n", python, StringComparison.Ordinal);
    }
}
