using Polytraders.Grains;

namespace Polytraders.Silo;

/// <summary>
/// The embedded default: in-memory grain storage and streams on one silo, paper venue. Tests configure their
/// in-process clusters with the same method, so what they exercise is what the README's first command runs.
/// </summary>
public static class EmbeddedSilo
{
    public static ISiloBuilder Configure(ISiloBuilder silo, IConfiguration configuration)
    {
        silo.AddMemoryGrainStorage(StreamNames.GrainStorage)
            .AddMemoryGrainStorage(StreamNames.PubSubStore)
            .AddMemoryStreams(StreamNames.Provider);
        silo.Services.AddPolytradersGrains(configuration, new DeploymentProfile(DurableStorage: false, Name: "embedded (in-memory)"));
        return silo;
    }
}
