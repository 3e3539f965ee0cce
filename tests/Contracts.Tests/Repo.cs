using System.Text.Json.Nodes;
using Polytraders.ContractGen;
using Polytraders.Trading.Validation;

namespace Polytraders.Contracts.Tests;

/// <summary>Where the contracts live, and one validator over the repository's schemas shared by every test.</summary>
internal static class Repo
{
    /// <summary>The contracts M2 is built on; each must stay a schema (the others come and go with the views).</summary>
    public static readonly IReadOnlyList<string> CoreSchemaTitles =
    [
        "AuditEnvelope", "Cluster", "Fill", "Market", "MarketScope", "Order", "OrderIntent",
        "PortfolioConfig", "ReasonCodeRegistry", "Signal", "StrategyLaunch", "Tenant", "Watchlist",
    ];

    /// <summary>
    /// Titles of the contract schemas in schemas/, read the way <see cref="ContractValidator.LoadAsync"/> reads them
    /// (a title and a type; common.json has no type, ReasonCodes.json is data), so test data can list them synchronously.
    /// </summary>
    public static IReadOnlyList<string> SchemaTitles { get; } =
        Directory.GetFiles(RepositoryPaths.Schemas(RepositoryPaths.Root()), "*.json")
            .Select(file => JsonNode.Parse(File.ReadAllText(file)))
            .Where(schema => schema?["title"] is not null && schema["type"] is not null)
            .Select(schema => schema!["title"]!.GetValue<string>())
            .Order(StringComparer.Ordinal)
            .ToList();

    private static readonly Lazy<Task<ContractValidator>> SharedValidator =
        new(() => ContractValidator.LoadAsync(ContractRules.All, Schemas), LazyThreadSafetyMode.ExecutionAndPublication);

    public static string Root { get; } = RepositoryPaths.Root();

    public static string Schemas => RepositoryPaths.Schemas(Root);

    public static string Fixtures => Path.Combine(Root, "fixtures");

    public static string Registry => Path.Combine(Schemas, ContractSchemaSet.ReasonCodeRegistryFile);

    public static Task<ContractValidator> Validator() => SharedValidator.Value;

    /// <summary>fixtures/&lt;kind&gt;/&lt;Schema&gt;/*.json as (schema, path relative to fixtures/), sorted.</summary>
    public static TheoryData<string, string> FixtureFiles(string kind)
    {
        var data = new TheoryData<string, string>();
        var directory = Path.Combine(Fixtures, kind);
        if (!Directory.Exists(directory))
        {
            return data;
        }

        foreach (var schemaDirectory in Directory.GetDirectories(directory).Order(StringComparer.Ordinal))
        {
            foreach (var file in Directory.GetFiles(schemaDirectory, "*.json").Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetFileName(schemaDirectory), Path.GetRelativePath(Fixtures, file).Replace('\\', '/'));
            }
        }

        return data;
    }

    public static string FixturePath(string relative) => Path.Combine(Fixtures, relative);

    /// <summary>A fresh folder under the system temp directory, deleted when disposed.</summary>
    public static TempDirectory Temp() => new();

    internal sealed class TempDirectory : IDisposable
    {
        public TempDirectory()
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "polytraders-contracts-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Path);
        }

        public string Path { get; }

        public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

        public void Dispose()
        {
            try
            {
                Directory.Delete(Path, recursive: true);
            }
            catch (IOException)
            {
                // best effort: the OS cleans the temp folder
            }
        }
    }
}
