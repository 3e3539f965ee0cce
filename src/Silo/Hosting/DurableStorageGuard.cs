using Polytraders.Contracts;
using Polytraders.Grains.Execution;

namespace Polytraders.Silo.Hosting;

/// <summary>
/// A silo that could trade real money refuses to start on in-memory storage: with <c>Mode=live</c>, or with a signing
/// key that is not the development key (<c>Signing:IsDevelopmentKey=false</c>), the idempotency records, the audit
/// trail and the launches must survive a restart. (A live launch is refused per launch as well, until its class reached
/// the live rung, whose checklist holds the durable_storage item.)
/// </summary>
public static class DurableStorageGuard
{
    public const string ModeKey = "Mode";

    public static void ThrowIfLiveOnMemory(IConfiguration configuration, StorageOptions storage)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(storage);
        var mode = configuration[ModeKey] ?? "paper";
        var live = mode.ToUpperInvariant() switch
        {
            "PAPER" => false,
            "LIVE" => true,
            _ => throw new InvalidOperationException($"{ModeKey} is '{mode}'; use paper or live."),
        };
        var realKey = !configuration.GetValue($"{SigningOptions.Section}:{nameof(SigningOptions.IsDevelopmentKey)}", true);
        if (storage.Provider != StorageProvider.Memory || !(live || realKey))
        {
            return;
        }

        var why = live ? $"{ModeKey}=live" : $"{SigningOptions.Section}:{nameof(SigningOptions.IsDevelopmentKey)}=false";
        throw new DurableStorageRequiredException(
            $"{ReasonCodes.GovLiveRequiresDurableStorage}: this silo is configured with {why} but Storage:Provider=Memory. " +
            "Live trading needs durable storage: set Storage:Provider=Postgres and Storage:ConnectionString.");
    }
}

/// <summary>The silo refused to start: live configuration on in-memory storage (GOV_LIVE_REQUIRES_DURABLE_STORAGE).</summary>
public sealed class DurableStorageRequiredException(string message) : InvalidOperationException(message)
{
    public string ReasonCode => ReasonCodes.GovLiveRequiresDurableStorage;
}
