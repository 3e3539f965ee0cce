using System.Text.Json.Nodes;
using Polytraders.ContractGen;

namespace Polytraders.Contracts.Tests;

/// <summary>The committed C# contracts are exactly what the schemas generate (what `ContractGen --check` checks).</summary>
public sealed class GeneratedDriftTests
{
    private static string Generated => RepositoryPaths.GeneratedContracts(Repo.Root);

    /// <summary>
    /// What the repository's schemas generate, written to a temp folder: the negative tests compare against it rather
    /// than the committed files, so they test the drift check even while someone's regeneration is pending.
    /// </summary>
    private static async Task<string> GenerateCleanInto(Repo.TempDirectory temp)
    {
        var directory = temp.Combine("generated");
        Directory.CreateDirectory(directory);
        foreach (var (name, content) in CSharpContractWriter.Write(await ContractSchemaSet.LoadAsync(Repo.Schemas)))
        {
            await File.WriteAllTextAsync(Path.Combine(directory, name), content);
        }

        return directory;
    }

    private static string CopySchemas(Repo.TempDirectory temp)
    {
        var directory = temp.Combine("schemas");
        Directory.CreateDirectory(directory);
        foreach (var file in Directory.GetFiles(Repo.Schemas, "*.json"))
        {
            File.Copy(file, Path.Combine(directory, Path.GetFileName(file)));
        }

        return directory;
    }

    [Fact]
    public async Task committed_contracts_match_the_schemas()
    {
        var generated = CSharpContractWriter.Write(await ContractSchemaSet.LoadAsync(Repo.Schemas));

        var drift = GeneratedDrift.Compare(generated, Generated);

        Assert.True(drift.Count == 0, "run: dotnet run --project tools/ContractGen\n" + string.Join("\n", drift));
    }

    [Fact]
    public async Task every_schema_title_generates_a_contract_file()
    {
        var generated = CSharpContractWriter.Write(await ContractSchemaSet.LoadAsync(Repo.Schemas));

        Assert.All(Repo.SchemaTitles, title => Assert.Contains(title + ".g.cs", generated.Keys));
        Assert.Contains("ReasonCodes.g.cs", generated.Keys);
    }

    [Fact]
    public async Task a_changed_schema_property_is_reported_as_drift_of_its_file()
    {
        using var temp = Repo.Temp();
        var clean = await GenerateCleanInto(temp);
        var schemas = CopySchemas(temp);

        // Tenant.name becomes an integer: Tenant.g.cs must change, and nothing else.
        var tenantFile = Path.Combine(schemas, "Tenant.json");
        var tenant = JsonNode.Parse(File.ReadAllText(tenantFile))!;
        tenant["properties"]!["name"] = new JsonObject { ["type"] = "integer" };
        File.WriteAllText(tenantFile, tenant.ToJsonString());

        var generated = CSharpContractWriter.Write(await ContractSchemaSet.LoadAsync(schemas));
        var drift = GeneratedDrift.Compare(generated, clean);

        Assert.Equal(["Tenant.g.cs: differs from the schemas"], drift);
        Assert.Contains("public required long Name { get; init; }", generated["Tenant.g.cs"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_new_registry_code_is_reported_as_drift_of_the_reason_codes()
    {
        using var temp = Repo.Temp();
        var clean = await GenerateCleanInto(temp);
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

        var drift = GeneratedDrift.Compare(CSharpContractWriter.Write(await ContractSchemaSet.LoadAsync(schemas)), clean);

        Assert.Equal(["ReasonCodes.g.cs: differs from the schemas"], drift);
    }

    [Fact]
    public async Task a_deleted_or_stray_generated_file_is_reported()
    {
        using var temp = Repo.Temp();
        var clean = await GenerateCleanInto(temp);

        File.Delete(Path.Combine(clean, "Watchlist.g.cs"));
        await File.WriteAllTextAsync(Path.Combine(clean, "Backtest.g.cs"), "// no schema generates me\n");

        var drift = GeneratedDrift.Compare(CSharpContractWriter.Write(await ContractSchemaSet.LoadAsync(Repo.Schemas)), clean);

        Assert.Equal(["Watchlist.g.cs: missing", "Backtest.g.cs: no schema generates it"], drift);
    }
}
