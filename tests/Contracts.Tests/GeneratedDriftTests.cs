using System.Text.Json.Nodes;
using Polytraders.ContractGen;

namespace Polytraders.Contracts.Tests;

/// <summary>
/// The committed generated contracts (C# records, their Orleans wire form, TypeScript, Python) are exactly what the
/// schemas generate: what `ContractGen --check` checks, and what src/Contracts' build runs.
/// </summary>
public sealed class GeneratedDriftTests
{
    /// <summary>
    /// What the repository's schemas generate, written under a temp folder laid out like the repository: the negative
    /// tests compare against it rather than the committed files, so they test the drift check even while someone's
    /// regeneration is pending.
    /// </summary>
    private static async Task GenerateCleanInto(Repo.TempDirectory temp)
    {
        foreach (var output in GeneratedOutput.All(temp.Path, await ContractSchemaSet.LoadAsync(Repo.Schemas)))
        {
            Directory.CreateDirectory(output.Directory);
            foreach (var (name, content) in output.Files)
            {
                await File.WriteAllTextAsync(Path.Combine(output.Directory, name), content);
            }
        }
    }

    private static string CopySchemas(Repo.TempDirectory temp)
    {
        var directory = temp.Combine("changed-schemas");
        Directory.CreateDirectory(directory);
        foreach (var file in Directory.GetFiles(Repo.Schemas, "*.json"))
        {
            File.Copy(file, Path.Combine(directory, Path.GetFileName(file)));
        }

        return directory;
    }

    /// <summary>How the clean files under <paramref name="temp"/> differ from what <paramref name="schemas"/> generate.</summary>
    private static async Task<List<string>> DriftAgainst(Repo.TempDirectory temp, string schemas) =>
        [.. GeneratedOutput.All(temp.Path, await ContractSchemaSet.LoadAsync(schemas)).SelectMany(o => o.Drift(temp.Path))];

    [Fact]
    public async Task committed_contracts_match_the_schemas_in_every_language()
    {
        var outputs = GeneratedOutput.All(Repo.Root, await ContractSchemaSet.LoadAsync(Repo.Schemas));

        var drift = outputs.SelectMany(o => o.Drift(Repo.Root)).ToList();

        Assert.True(drift.Count == 0, "run: dotnet run --project tools/ContractGen\n" + string.Join("\n", drift));
    }

    [Fact]
    public async Task every_schema_title_generates_a_contract_in_every_language()
    {
        var set = await ContractSchemaSet.LoadAsync(Repo.Schemas);

        Assert.All(Repo.SchemaTitles, title =>
        {
            Assert.Contains(title + ".g.cs", CSharpContractWriter.Write(set).Keys);
            Assert.Contains(title + ".Wire.g.cs", OrleansWireWriter.Write(set).Keys);
            Assert.Contains(title + ".ts", TypeScriptContractWriter.Write(set).Keys);
            Assert.Contains(PythonContractWriter.ModuleOf(title + ".json") + ".py", PythonContractWriter.Write(set).Keys);
        });
        Assert.Contains("ReasonCodes.g.cs", CSharpContractWriter.Write(set).Keys);
    }

    [Fact]
    public async Task a_changed_schema_property_is_reported_as_drift_of_its_file_in_every_language()
    {
        using var temp = Repo.Temp();
        await GenerateCleanInto(temp);
        var schemas = CopySchemas(temp);

        // Tenant.name becomes an integer: Tenant's file changes in each language, and nothing else.
        var tenantFile = Path.Combine(schemas, "Tenant.json");
        var tenant = JsonNode.Parse(File.ReadAllText(tenantFile))!;
        tenant["properties"]!["name"] = new JsonObject { ["type"] = "integer" };
        File.WriteAllText(tenantFile, tenant.ToJsonString());

        var drift = await DriftAgainst(temp, schemas);

        Assert.Equal(
        [
            "src/Contracts/Generated/Tenant.g.cs: differs from the schemas",
            "src/Grains.Abstractions/Contracts/Generated/Tenant.Wire.g.cs: differs from the schemas",
            "contracts/typescript/Tenant.ts: differs from the schemas",
            "contracts/python/polytraders_contracts/tenant.py: differs from the schemas",
        ], drift);
        var set = await ContractSchemaSet.LoadAsync(schemas);
        Assert.Contains("public required long Name { get; init; }", CSharpContractWriter.Write(set)["Tenant.g.cs"], StringComparison.Ordinal);
        Assert.Contains("  name: number;", TypeScriptContractWriter.Write(set)["Tenant.ts"], StringComparison.Ordinal);
        Assert.Contains("    name: int\n", PythonContractWriter.Write(set)["tenant.py"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_new_registry_code_is_reported_as_drift_of_the_reason_codes()
    {
        using var temp = Repo.Temp();
        await GenerateCleanInto(temp);
        var schemas = CopySchemas(temp);

        var registryFile = Path.Combine(schemas, "ReasonCodes.json");
        var registry = JsonNode.Parse(File.ReadAllText(registryFile))!;
        registry["codes"]!.AsArray().Add(new JsonObject
        {
            ["code"] = "STRAT_MOMENTUM_SHORT",
            ["family"] = "STRAT",
            ["meaning"] = "Not in M2: the desk does not short.",
            ["emitted_by"] = new JsonArray("strategy"),
        });
        File.WriteAllText(registryFile, registry.ToJsonString());

        var drift = await DriftAgainst(temp, schemas);

        Assert.Equal(["src/Contracts/Generated/ReasonCodes.g.cs: differs from the schemas"], drift);
    }

    [Fact]
    public async Task a_deleted_or_stray_generated_file_is_reported_in_every_language()
    {
        using var temp = Repo.Temp();
        await GenerateCleanInto(temp);

        File.Delete(temp.Combine("src", "Contracts", "Generated", "Watchlist.g.cs"));
        await File.WriteAllTextAsync(temp.Combine("src", "Contracts", "Generated", "Backtest.g.cs"), "// no schema generates me\n");
        File.Delete(temp.Combine("contracts", "typescript", "Watchlist.ts"));
        await File.WriteAllTextAsync(temp.Combine("contracts", "python", "polytraders_contracts", "helpers.py"), "# no schema generates me\n");

        var drift = await DriftAgainst(temp, Repo.Schemas);

        Assert.Equal(
        [
            "src/Contracts/Generated/Watchlist.g.cs: missing",
            "src/Contracts/Generated/Backtest.g.cs: no schema generates it",
            "contracts/typescript/Watchlist.ts: missing",
            "contracts/python/polytraders_contracts/helpers.py: no schema generates it",
        ], drift);
    }
}
