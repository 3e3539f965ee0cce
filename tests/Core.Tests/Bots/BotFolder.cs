using System.Text.Json;
using Polytraders.Contracts;
using Polytraders.Trading.Bots;
using Polytraders.Trading.Validation;

namespace Polytraders.Core.Tests.Bots;

/// <summary>A temporary bots/ folder: spec files and the registry that pins them, written as a test arranges them.</summary>
internal sealed class BotFolder : IDisposable
{
    private static readonly Lazy<Task<ContractValidator>> Validator =
        new(() => ContractValidator.LoadAsync(ContractRules.All), LazyThreadSafetyMode.ExecutionAndPublication);

    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("polytraders-bots-").FullName;

    /// <summary>Test data: a spec whose 27 sections say only which test Bot and section they are.</summary>
    public static BotSpec TestSpec(string botId, BotStatus status = BotStatus.Pending, string specVersion = "1.0.0")
    {
        var sections = Enumerable.Range(1, 27)
            .Select(n => new BotSpecSection { Number = n, Title = $"Section {n}", Body = $"Test data: section {n} of the spec of {botId}." })
            .ToList();
        return new BotSpec
        {
            BotId = botId,
            Name = $"Test Bot {botId}",
            Class = BotClass.Momentum,
            StrategyVersion = "1.0.0",
            Status = status,
            SpecVersion = specVersion,
            Sections = sections,
            ContentHash = BotSpecHash.Compute(sections),
        };
    }

    public static BotPin PinOf(BotSpec spec) => new() { BotId = spec.BotId, SpecVersion = spec.SpecVersion, ContentHash = spec.ContentHash };

    /// <summary>Writes each spec as &lt;bot_id&gt;.json and a registry pinning exactly them.</summary>
    public BotFolder With(params BotSpec[] specs)
    {
        foreach (var spec in specs)
        {
            WriteSpec(spec);
        }

        return WithPins(specs.Select(PinOf).ToArray());
    }

    public BotFolder WithPins(params BotPin[] pins)
    {
        Write(BotCatalogueLoader.RegistryFile, new BotRegistry { Pins = [.. pins] });
        return this;
    }

    public string WriteSpec(BotSpec spec, string? fileName = null) => Write(fileName ?? $"{spec.BotId}.json", spec);

    public Task<BotCatalogue> LoadAsync() => LoadAsync(Directory);

    public static async Task<BotCatalogue> LoadAsync(string directory) =>
        await new BotCatalogueLoader(await Validator.Value).LoadAsync(directory);

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);

    private string Write<T>(string fileName, T document)
    {
        var path = Path.Combine(Directory, fileName);
        File.WriteAllText(path, JsonSerializer.Serialize(document, ContractJson.Options));
        return path;
    }
}
