using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Polytraders.Polymarket.Auth;
using Polytraders.Polymarket.Clob;

namespace Polytraders.Polymarket.Keystore;

/// <summary>
/// An account's L2 API credentials kept as securely as its key: a Web3 Secret Storage v3 file (same KDF, cipher and
/// MAC as <see cref="Web3Keystore"/>) whose plaintext is {"apiKey","secret","passphrase"} and whose address is the
/// account's. Neither the file nor an error message carries any part of the credentials in clear.
/// </summary>
public static class ApiCredentialsFile
{
    public static void Save(string path, ClobAccount account, string password, KeystoreKdf kdf)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(account);
        var plaintext = JsonSerializer.SerializeToUtf8Bytes(new StoredCredentials(account.Credentials.Key, account.Credentials.Secret, account.Credentials.Passphrase));
        try
        {
            OwnerOnlyFile.Write(path, Web3Keystore.EncryptSecret(plaintext, account.Address, password, kdf), overwrite: true);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    /// <summary>The stored account; a wrong password, a tampered file or one that is not a credentials file is a <see cref="KeystoreException"/>.</summary>
    public static ClobAccount Load(string path, string password)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var (address, plaintext) = Web3Keystore.DecryptSecret(File.ReadAllText(path), password);
        try
        {
            var stored = JsonSerializer.Deserialize<StoredCredentials>(plaintext);
            if (address is not { } owner || stored is not { ApiKey.Length: > 0, Secret.Length: > 0, Passphrase.Length: > 0 })
            {
                throw new KeystoreException("Not an API credentials file: no address or incomplete credentials.");
            }

            return new ClobAccount(owner, new ApiCredentials(stored.ApiKey, stored.Secret, stored.Passphrase));
        }
        catch (JsonException ex)
        {
            throw new KeystoreException("Not an API credentials file: its plaintext is not credentials JSON.", ex);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    private sealed record StoredCredentials(
        [property: JsonPropertyName("apiKey")] string ApiKey,
        [property: JsonPropertyName("secret")] string Secret,
        [property: JsonPropertyName("passphrase")] string Passphrase)
    {
        // Records print their members; this one must not.
        public override string ToString() => "StoredCredentials(redacted)";
    }
}
