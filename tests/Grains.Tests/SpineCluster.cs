using Orleans.TestingHost;
using Polytraders.Grains.Replay;
using Polytraders.Trading.Replay;

namespace Polytraders.Grains.Tests;

/// <summary>
/// An in-process Orleans cluster configured exactly as the embedded default (EmbeddedSilo), seeded with the built-in
/// replay's markets, clusters and portfolios. Prices are published by the tests themselves, step by step.
/// </summary>
public sealed class SpineCluster : IAsyncLifetime
{
    private readonly string _keystoreDirectory = Directory.CreateTempSubdirectory("polytraders-keys-").FullName;

    public InProcessTestCluster Cluster { get; private set; } = null!;

    /// <summary>Watches the flow's calls and outboxes, so a test can publish the next price once the last one came to rest.</summary>
    public FlowTracker Flow { get; } = new();

    public IGrainFactory Grains => Cluster.Client;

    public ReplayData Replay { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Cluster = await EmbeddedCluster.DeployAsync(_keystoreDirectory, silo =>
        {
            silo.AddIncomingGrainCallFilter(Flow);
            silo.AddOutgoingGrainCallFilter(Flow);
        });
        Replay = await ReplayData.LoadAsync(Path.Combine(AppContext.BaseDirectory, "replay"), DateTimeOffset.UtcNow, CancellationToken.None);
        await ReplaySeeder.SeedAsync(Grains, Replay);
    }

    public async Task DisposeAsync()
    {
        Flow.Dispose();
        await Cluster.DisposeAsync();
        Directory.Delete(_keystoreDirectory, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class SpineCollection : ICollectionFixture<SpineCluster>
{
    public const string Name = "spine";
}
