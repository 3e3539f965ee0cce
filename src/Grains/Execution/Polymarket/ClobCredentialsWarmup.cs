using Microsoft.Extensions.Hosting;
using Polytraders.Polymarket.Clob;

namespace Polytraders.Grains.Execution.Polymarket;

/// <summary>
/// Takes the credentials from the key while the silo starts ("Clob:Credentials:FromKey"): a venue that refuses the key,
/// or a credentials file that cannot be opened, stops the start with its reason instead of failing the first order.
/// </summary>
public sealed class ClobCredentialsWarmup(IClobAccountSource accounts) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken) =>
        await accounts.GetAccountAsync(cancellationToken).ConfigureAwait(false);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
