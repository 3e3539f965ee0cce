using Microsoft.Extensions.Logging;

namespace Polytraders.Polymarket.Signing;

/// <summary>Chooses the secp256k1 implementation: native libsecp256k1 when it loads, else managed BouncyCastle.</summary>
public static partial class Secp256k1Factory
{
    public static ISecp256k1 Create(ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(logger);
        ISecp256k1 chosen;
        try
        {
            chosen = new NativeSecp256k1();
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException)
        {
            LogNativeUnavailable(logger, NativeSecp256k1Interop.LibraryName, ex.GetType().Name);
            chosen = new ManagedSecp256k1();
        }

        LogChosen(logger, chosen.Implementation);
        return chosen;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Library} could not be loaded ({Reason}); signing falls back to the managed implementation, about 40x slower")]
    private static partial void LogNativeUnavailable(ILogger logger, string library, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "secp256k1 signing uses {Implementation}")]
    private static partial void LogChosen(ILogger logger, string implementation);
}
