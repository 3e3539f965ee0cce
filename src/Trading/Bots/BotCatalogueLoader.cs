using System.Text.Json;
using Polytraders.Contracts;
using Polytraders.Trading.Validation;

namespace Polytraders.Trading.Bots;

/// <summary>
/// Reads the Bot specs of a folder (<c>&lt;bot-id&gt;.json</c>, one per Bot) and the registry that pins them
/// (<c>registry.json</c>), validates each against its contract and holds every spec to its pin. The first file that
/// breaks a rule throws <see cref="BotSpecRefusedException"/> naming it: the silo does not start on a spec nobody froze.
/// </summary>
public sealed class BotCatalogueLoader(ContractValidator validator)
{
    public const string RegistryFile = "registry.json";

    public async Task<BotCatalogue> LoadAsync(string directory, CancellationToken cancellationToken = default)
    {
        var registryPath = Path.Combine(directory, RegistryFile);
        if (!File.Exists(registryPath))
        {
            throw new BotSpecRefusedException(ReasonCodes.GovBotSpecNotPinned, registryPath, "MissingRegistry", "no registry pins the Bot specs");
        }

        var registry = await ReadAsync<BotRegistry>(registryPath, cancellationToken).ConfigureAwait(false);
        var pins = registry.Pins.ToDictionary(p => p.BotId, StringComparer.Ordinal);
        var specs = new List<BotSpec>();
        foreach (var file in Directory.GetFiles(directory, "*.json").Where(f => Path.GetFileName(f) != RegistryFile).Order(StringComparer.Ordinal))
        {
            var spec = await ReadAsync<BotSpec>(file, cancellationToken).ConfigureAwait(false);
            HoldToPin(file, spec, pins);
            specs.Add(spec);
        }

        if (pins.Keys.Except(specs.Select(s => s.BotId), StringComparer.Ordinal).Order(StringComparer.Ordinal).FirstOrDefault() is { } orphan)
        {
            throw new BotSpecRefusedException(ReasonCodes.GovBotSpecNotPinned, registryPath, "PinWithoutSpec", $"{orphan} is pinned but {orphan}.json does not exist");
        }

        return new BotCatalogue(specs);
    }

    private static void HoldToPin(string file, BotSpec spec, Dictionary<string, BotPin> pins)
    {
        if (Path.GetFileNameWithoutExtension(file) != spec.BotId)
        {
            throw new BotSpecRefusedException(ReasonCodes.GovBotSpecInvalid, file, "FileNotNamedForBot", $"the spec of {spec.BotId} must be {spec.BotId}.json");
        }

        if (!pins.TryGetValue(spec.BotId, out var pin))
        {
            throw new BotSpecRefusedException(ReasonCodes.GovBotSpecNotPinned, file, "Unpinned", $"{spec.BotId} has no pin in {RegistryFile}");
        }

        if (pin.SpecVersion != spec.SpecVersion)
        {
            throw new BotSpecRefusedException(
                ReasonCodes.GovBotSpecNotPinned, file, "VersionNotPinned", $"{spec.BotId} is at spec_version {spec.SpecVersion}; {RegistryFile} pins {pin.SpecVersion}");
        }

        if (pin.ContentHash != spec.ContentHash)
        {
            throw new BotSpecRefusedException(
                ReasonCodes.GovBotSpecChangedWithoutVersion,
                file,
                "ChangedWithoutVersion",
                $"{spec.BotId} {spec.SpecVersion} hashes to {spec.ContentHash}; {RegistryFile} pins {pin.ContentHash} at that version (frozen for M2: a changed spec needs a new spec_version and pin)");
        }
    }

    /// <summary>The file as its contract, or the refusal naming its first violation.</summary>
    private async Task<T> ReadAsync<T>(string file, CancellationToken cancellationToken)
    {
        var json = await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false);
        if (validator.Validate(typeof(T).Name, json) is [var first, ..])
        {
            throw new BotSpecRefusedException(first.ReasonCode, file, first.Rule, $"{first.Message} at {first.Path}");
        }

        return JsonSerializer.Deserialize<T>(json, ContractJson.Options)!;
    }
}
