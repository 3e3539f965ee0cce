using Microsoft.Extensions.Configuration;
using Polytraders.Grains;
using Polytraders.Grains.Replay;
using Polytraders.Silo;
using Polytraders.Trading.Replay;

namespace Polytraders.Gateway.Tests;

/// <summary>The embedded silo (in-memory storage and streams, real grains) seeded with the replay data set.</summary>
public class GatewayWithEmbeddedSilo : GatewayHost
{
    private int _nextPortfolio = 100;

    /// <summary>A fresh, configured Portfolio (a copy of PORT-001's config under a new id) for a test of its own.</summary>
    public async Task<string> NewPortfolioAsync()
    {
        var portfolioId = $"PORT-{Interlocked.Increment(ref _nextPortfolio):D3}";
        var template = await Grains.GetGrain<IPortfolioGrain>("PORT-001").GetState()
                       ?? throw new InvalidOperationException("PORT-001 was not seeded.");
        await Grains.GetGrain<IPortfolioGrain>(portfolioId).Configure(template.Config with { PortfolioId = portfolioId, Name = $"Gateway test {portfolioId}" });
        return portfolioId;
    }

    protected override void ConfigureSilo(ISiloBuilder silo, IConfiguration configuration) => EmbeddedSilo.Configure(silo, configuration);

    protected override async Task SeedAsync(IGrainFactory grains)
    {
        var data = await ReplayData.LoadAsync(Path.Combine(AppContext.BaseDirectory, "replay"), DateTimeOffset.UtcNow, CancellationToken.None);
        await ReplaySeeder.SeedAsync(grains, data);
    }
}

[CollectionDefinition(Name)]
public sealed class WithEmbeddedSilo : ICollectionFixture<GatewayWithEmbeddedSilo>
{
    public const string Name = "gateway with the embedded silo";
}
