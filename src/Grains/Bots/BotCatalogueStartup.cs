using Microsoft.Extensions.Hosting;

namespace Polytraders.Grains.Bots;

/// <summary>Loads the Bot catalogue as the silo starts, so a bad or unpinned spec stops the start instead of the first launch.</summary>
public sealed class BotCatalogueStartup(BotCatalogueHost registry) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => registry.GetAsync().WaitAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
