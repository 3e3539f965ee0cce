using Microsoft.Extensions.Logging;
using Polytraders.Polymarket.Signing;

namespace Polytraders.Polymarket.Keystore;

/// <summary>
/// A development signing key: generated on first run from the OS CSPRNG and kept in a Web3
/// Secret Storage file, so that a plain key never touches disk. Later runs open the same file.
/// </summary>
public static partial class DevKeyFile
{
    public static SigningKey LoadOrCreate(string path, string password, ILogger logger, KeystoreKdf? kdf = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(logger);
        if (File.Exists(path))
        {
            LogOpened(logger, path);
            return Web3Keystore.Decrypt(File.ReadAllText(path), password);
        }

        var key = SigningKey.Generate();
        var json = Web3Keystore.Encrypt(key, password, kdf ?? KeystoreKdf.StandardScrypt);
        OwnerOnlyFile.Write(path, json, overwrite: false);
        LogCreated(logger, path);
        return key;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Opened development signing key from {Path}")]
    private static partial void LogOpened(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Generated a new development signing key and saved it encrypted to {Path}")]
    private static partial void LogCreated(ILogger logger, string path);
}
