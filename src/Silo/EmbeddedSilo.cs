using Orleans.Runtime.Hosting;
using Orleans.Storage;
using Polytraders.Grains;
using Polytraders.Grains.Hosting;

namespace Polytraders.Silo;

/// <summary>
/// The embedded default: grain state in this process (<see cref="ProcessGrainStorage"/>), memory streams, one silo,
/// paper venue. Tests configure their in-process clusters with the same method, so what they exercise is what the
/// README's first command runs.
/// </summary>
public static class EmbeddedSilo
{
    public static ISiloBuilder Configure(ISiloBuilder silo, IConfiguration configuration)
    {
        silo.AddMemoryGrainStorage(StreamNames.PubSubStore)
            .AddMemoryStreams(StreamNames.Provider);
        silo.Services.AddGrainStorage(StreamNames.GrainStorage, (services, name) => new ProcessGrainStorage(name, services.GetRequiredService<IGrainStorageSerializer>()));
        silo.Services.AddPolytradersGrains(configuration, new DeploymentProfile(DurableStorage: false, Name: "embedded (in-memory)"));
        return silo;
    }
}
