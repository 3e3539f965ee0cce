using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;
using Polytraders.Silo;

namespace Polytraders.Grains.Tests;

/// <summary>
/// One in-process silo configured exactly as the embedded default (EmbeddedSilo), so what the tests exercise is what the
/// README's first command runs, plus what a test changes. Its development key lives in a directory of the test's.
/// </summary>
internal static class EmbeddedCluster
{
    public static async Task<InProcessTestCluster> DeployAsync(string keystoreDirectory, Action<ISiloBuilder>? change = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Signing:KeystorePath"] = Path.Combine(keystoreDirectory, "dev-keystore.json") })
            .Build();
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            EmbeddedSilo.Configure(silo, configuration);
            change?.Invoke(silo);
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }
}
