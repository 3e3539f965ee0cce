using Microsoft.Extensions.Options;
using Polytraders.Grains.Execution;

namespace Polytraders.Silo.Hosting;

/// <summary>
/// Opens the signing key while the silo starts: a keystore that cannot be read stops the start with its reason, and the
/// first order is not delayed by the key derivation (scrypt takes about a second) while prices move on.
/// </summary>
public sealed partial class SigningKeyWarmup(OrderSignerService signer, IOptions<SigningOptions> options, ILogger<SigningKeyWarmup> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.OpenAtStart)
        {
            return Task.CompletedTask;
        }

        LogReady(signer.Address.ToString(), signer.Label);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Orders are signed by {Address} ({Label})")]
    private partial void LogReady(string address, string label);
}
