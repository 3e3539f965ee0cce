using Microsoft.Extensions.Options;
using Polytraders.Grains.Execution;

namespace Polytraders.Silo.Hosting;

/// <summary>
/// Opens the signing key while the silo starts: a keystore that cannot be read stops the start with its reason, and the
/// first order is not delayed by the key derivation (scrypt takes about a second) while prices move on.
/// </summary>
/// <remarks>
/// It then checks the key against the CLOB API key's address for the key's own account (what a Portfolio without a
/// Polymarket account trades as). A mismatch does not stop the silo, since a deposit-wallet Portfolio whose wallet owns
/// the API key still trades, but it is logged with its reason code here, and execution refuses every order and launch
/// it concerns with the same code.
/// </remarks>
public sealed partial class SigningKeyWarmup(OrderSignerService signer, SigningAccountCheck accounts, IOptions<SigningOptions> options, ILogger<SigningKeyWarmup> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.OpenAtStart)
        {
            return Task.CompletedTask;
        }

        LogReady(signer.Address.ToString(), signer.Label);
        if (accounts.Check(null).Verdict is { Succeeded: false } refused)
        {
            LogOwnAccountRefused(refused.ReasonCode!, refused.Detail!);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Orders are signed by {Address} ({Label})")]
    private partial void LogReady(string address, string label);

    [LoggerMessage(Level = LogLevel.Error, Message = "Orders for the signing key's own account will be refused: {ReasonCode} {Detail}")]
    private partial void LogOwnAccountRefused(string reasonCode, string detail);
}
