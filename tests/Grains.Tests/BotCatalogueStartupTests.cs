using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Polytraders.Contracts;
using Polytraders.Grains.Bots;
using Polytraders.Trading.Bots;

namespace Polytraders.Grains.Tests;

/// <summary>The silo loads the Bot specs as it starts: the shipped ones load, a bad one stops the start naming its file and rule.</summary>
public sealed class BotCatalogueStartupTests
{
    [Fact]
    public async Task the_shipped_specs_load_at_start()
    {
        await using var services = Services(botsDirectory: null);

        await StartAsync(services);

        Assert.NotNull((await services.GetRequiredService<BotCatalogueHost>().GetAsync()).Find("momentum-v1"));
    }

    [Fact]
    public async Task a_spec_edited_without_a_new_version_stops_the_start_naming_the_file_and_the_rule()
    {
        var directory = Directory.CreateTempSubdirectory("polytraders-bots-").FullName;
        try
        {
            // The shipped momentum-v1 with one section rewritten and re-hashed, under the shipped pin: drift without a version change.
            var shipped = Path.Combine(AppContext.BaseDirectory, "bots");
            File.Copy(Path.Combine(shipped, BotCatalogueLoader.RegistryFile), Path.Combine(directory, BotCatalogueLoader.RegistryFile));
            var spec = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(shipped, "momentum-v1.json")))!.Deserialize<BotSpec>(ContractJson.Options)!;
            spec.Sections[10] = spec.Sections[10] with { Body = "Test data: an entry rule rewritten without a new spec_version." };
            var edited = Path.Combine(directory, "momentum-v1.json");
            await File.WriteAllTextAsync(edited, JsonSerializer.Serialize(spec with { ContentHash = BotSpecHash.Compute(spec.Sections) }, ContractJson.Options));
            await using var services = Services(directory);

            var refused = await Assert.ThrowsAsync<BotSpecRefusedException>(() => StartAsync(services));

            Assert.Equal((ReasonCodes.GovBotSpecChangedWithoutVersion, "ChangedWithoutVersion", edited), (refused.ReasonCode, refused.Rule, refused.File));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static Task StartAsync(IServiceProvider services) =>
        services.GetServices<IHostedService>().OfType<BotCatalogueStartup>().Single().StartAsync(CancellationToken.None);

    private static ServiceProvider Services(string? botsDirectory)
    {
        // No directory configured: the default, the specs shipped beside the binaries.
        var settings = botsDirectory is null ? [] : new Dictionary<string, string?> { ["Bots:Directory"] = botsDirectory };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddPolytradersGrains(configuration, new DeploymentProfile(false, "test")).BuildServiceProvider();
    }
}
