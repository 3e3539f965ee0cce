using Microsoft.Extensions.Hosting;

namespace Polytraders.Grains.Gates;

/// <summary>Loads the checklists as the silo starts, so a bad one stops the start instead of the first launch.</summary>
public sealed class GateChecklistStartup(GateChecklistHost checklists) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => checklists.GetAsync().WaitAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
