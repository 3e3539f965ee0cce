using System.Text.Json;
using NJsonSchema;

namespace Polytraders.ContractGen;

/// <summary>The contract schemas of a folder, loaded once with their cross-file references resolved.</summary>
public sealed class ContractSchemaSet
{
    /// <summary>The registry is data validated by ReasonCodeRegistry.json, not a schema of its own.</summary>
    public const string ReasonCodeRegistryFile = "ReasonCodes.json";

    private ContractSchemaSet(string directory, IReadOnlyList<ContractSchema> schemas, string registryJson)
    {
        Directory = directory;
        Schemas = schemas;
        RegistryJson = registryJson;
    }

    public string Directory { get; }

    /// <summary>Every schema file, ordered by file name so generation is deterministic.</summary>
    public IReadOnlyList<ContractSchema> Schemas { get; }

    public string RegistryJson { get; }

    public static async Task<ContractSchemaSet> LoadAsync(string directory, CancellationToken cancellationToken = default)
    {
        var files = System.IO.Directory.GetFiles(directory, "*.json")
            .Where(f => !string.Equals(Path.GetFileName(f), ReasonCodeRegistryFile, StringComparison.Ordinal))
            .OrderBy(f => Path.GetFileName(f), StringComparer.Ordinal)
            .ToList();
        var schemas = new List<ContractSchema>(files.Count);
        foreach (var file in files)
        {
            var schema = await JsonSchema.FromFileAsync(file, cancellationToken).ConfigureAwait(false);
            schemas.Add(new ContractSchema(Path.GetFileName(file), schema, await DeclaredDefinitionsAsync(file, cancellationToken).ConfigureAwait(false)));
        }

        var registry = await File.ReadAllTextAsync(Path.Combine(directory, ReasonCodeRegistryFile), cancellationToken).ConfigureAwait(false);
        return new ContractSchemaSet(directory, schemas, registry);
    }

    public JsonSchema Get(string title) =>
        Schemas.Single(s => string.Equals(s.Schema.Title, title, StringComparison.Ordinal)).Schema;

    /// <summary>The loader copies referenced definitions of other files into each document; these are the file's own.</summary>
    private static async Task<IReadOnlyList<string>> DeclaredDefinitionsAsync(string file, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(file);
        using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
        return document.RootElement.TryGetProperty("definitions", out var definitions)
            ? definitions.EnumerateObject().Select(d => d.Name).ToList()
            : [];
    }
}

/// <summary>One schema file: its name, its resolved schema and the definitions it declares itself.</summary>
public sealed record ContractSchema(string File, JsonSchema Schema, IReadOnlyList<string> OwnDefinitions);
