using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;
using Polytraders.Polymarket.Crypto;
using Polytraders.Polymarket.Signing;

namespace Polytraders.Polymarket.Keystore;

/// <summary>
/// Web3 Secret Storage v3 (the geth / ethers keystore JSON). Source: the Web3 Secret Storage
/// Definition. The derived key's first 16 bytes are the AES-128-CTR key; the MAC is
/// keccak256(derivedKey[16..32] ‖ ciphertext), checked in constant time before decrypting.
/// </summary>
public static class Web3Keystore
{
    private const int Version = 3;
    private const string Cipher = "aes-128-ctr";
    private const string Prf = "hmac-sha256";
    private const int CipherKeyLength = 16;
    private const int IvLength = 16;
    private const int SaltLength = 32;

    private static readonly ManagedSecp256k1 AddressCurve = new();

    /// <summary>Encrypts a key under a password; the result is the keystore JSON text.</summary>
    public static string Encrypt(SigningKey key, string password, KeystoreKdf kdf)
    {
        ArgumentNullException.ThrowIfNull(key);
        return EncryptSecret(key.Bytes, AddressOf(key), password, kdf);
    }

    /// <summary>Opens a keystore; a wrong password or tampered file fails the MAC check.</summary>
    public static SigningKey Decrypt(string json, string password)
    {
        var (_, plaintext) = DecryptSecret(json, password);
        try
        {
            return SigningKey.FromBytes(plaintext);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    /// <summary>The key derivation a keystore was written with, so that what is stored beside it is no weaker.</summary>
    public static KeystoreKdf KdfOf(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return KeystoreFile.Parse(json).Kdf;
    }

    /// <summary>
    /// The v3 envelope around any secret of <paramref name="address"/>'s account, not only its key: the account's
    /// API credentials are kept in the same file format, KDF and cipher as the key itself.
    /// </summary>
    internal static string EncryptSecret(ReadOnlySpan<byte> secret, EthereumAddress address, string password, KeystoreKdf kdf)
    {
        ArgumentNullException.ThrowIfNull(kdf);
        var salt = RandomNumberGenerator.GetBytes(SaltLength);
        var iv = RandomNumberGenerator.GetBytes(IvLength);
        var derived = DeriveKey(password, kdf, salt);
        try
        {
            var ciphertext = AesCtr(derived, iv, secret);
            var mac = Mac(derived, ciphertext);
            return Write(address, kdf, salt, iv, ciphertext, mac);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(derived);
        }
    }

    /// <summary>Opens a v3 envelope: the account address it names (if any) and the secret, which the caller zeroes.</summary>
    internal static (EthereumAddress? Address, byte[] Secret) DecryptSecret(string json, string password)
    {
        ArgumentNullException.ThrowIfNull(json);
        var file = KeystoreFile.Parse(json);
        var derived = DeriveKey(password, file.Kdf, file.Salt);
        try
        {
            if (!CryptographicOperations.FixedTimeEquals(Mac(derived, file.Ciphertext), file.Mac))
            {
                throw new KeystoreException("Keystore MAC mismatch: wrong password or corrupted file.");
            }

            return (file.Address, AesCtr(derived, file.Iv, file.Ciphertext));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(derived);
        }
    }

    internal static byte[] DeriveKey(string password, KeystoreKdf kdf, byte[] salt)
    {
        ArgumentNullException.ThrowIfNull(password);
        var passwordBytes = Encoding.UTF8.GetBytes(password);
        try
        {
            return kdf switch
            {
                ScryptKdf s => SCrypt.Generate(passwordBytes, salt, s.N, s.R, s.P, s.DerivedKeyLength),
                Pbkdf2Kdf p => Rfc2898DeriveBytes.Pbkdf2(passwordBytes, salt, p.Iterations, HashAlgorithmName.SHA256, p.DerivedKeyLength),
                _ => throw new KeystoreException($"Unsupported KDF {kdf.GetType().Name}."),
            };
        }
        catch (ArgumentException ex)
        {
            // BouncyCastle (like OpenSSL) enforces RFC 7914's bounds, e.g. N < 2^(16·r);
            // go-ethereum does not, so a few historical files use parameters refused here.
            throw new KeystoreException("The keystore's KDF parameters are outside RFC 7914's bounds.", ex);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(passwordBytes);
        }
    }

    /// <summary>AES-128-CTR with the first 16 derived-key bytes; the same call encrypts and decrypts.</summary>
    private static byte[] AesCtr(byte[] derivedKey, byte[] iv, ReadOnlySpan<byte> input)
    {
        var cipher = CipherUtilities.GetCipher("AES/CTR/NoPadding");
        cipher.Init(forEncryption: true, new ParametersWithIV(new KeyParameter(derivedKey, 0, CipherKeyLength), iv));
        return cipher.DoFinal(input.ToArray());
    }

    /// <summary>The file records the account address (as geth does); derived off the hot path, in managed code.</summary>
    private static EthereumAddress AddressOf(SigningKey key)
    {
        Span<byte> publicKey = stackalloc byte[64];
        AddressCurve.GetPublicKey(key, publicKey);
        return EthereumAddress.FromPublicKey(publicKey);
    }

    private static byte[] Mac(byte[] derivedKey, byte[] ciphertext)
    {
        var body = new byte[(derivedKey.Length - CipherKeyLength) + ciphertext.Length];
        derivedKey.AsSpan(CipherKeyLength).CopyTo(body);
        ciphertext.CopyTo(body, derivedKey.Length - CipherKeyLength);
        return Keccak256.Hash(body);
    }

    private static string Write(EthereumAddress address, KeystoreKdf kdf, byte[] salt, byte[] iv, byte[] ciphertext, byte[] mac)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("address", address.ToLowerHex()[2..]);
            json.WriteStartObject("crypto");
            json.WriteString("cipher", Cipher);
            json.WriteString("ciphertext", Hex.ToHex(ciphertext));
            json.WriteStartObject("cipherparams");
            json.WriteString("iv", Hex.ToHex(iv));
            json.WriteEndObject();
            json.WriteString("kdf", kdf is ScryptKdf ? "scrypt" : "pbkdf2");
            json.WriteStartObject("kdfparams");
            json.WriteNumber("dklen", kdf.DerivedKeyLength);
            switch (kdf)
            {
                case ScryptKdf s:
                    json.WriteNumber("n", s.N);
                    json.WriteNumber("p", s.P);
                    json.WriteNumber("r", s.R);
                    break;
                case Pbkdf2Kdf p:
                    json.WriteNumber("c", p.Iterations);
                    json.WriteString("prf", Prf);
                    break;
            }

            json.WriteString("salt", Hex.ToHex(salt));
            json.WriteEndObject();
            json.WriteString("mac", Hex.ToHex(mac));
            json.WriteEndObject();
            json.WriteString("id", Guid.NewGuid().ToString());
            json.WriteNumber("version", Version);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>
    /// The address the file names: optional in the definition, written by geth without its 0x prefix, and informative
    /// only, so a malformed one leaves the key readable.
    /// </summary>
    private static EthereumAddress? AddressOf(JsonElement root)
    {
        if (!root.TryGetProperty("address", out var named) || named.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        try
        {
            return EthereumAddress.Parse(named.GetString()!);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>The parts of a v3 file needed to open it.</summary>
    private sealed record KeystoreFile(EthereumAddress? Address, KeystoreKdf Kdf, byte[] Salt, byte[] Iv, byte[] Ciphertext, byte[] Mac)
    {
        public static KeystoreFile Parse(string json)
        {
            try
            {
                using var document = JsonDocument.Parse(json);
                var root = document.RootElement;
                if (root.GetProperty("version").GetInt32() != Version)
                {
                    throw new KeystoreException("Only version 3 keystores are supported.");
                }

                // geth writes "crypto"; some older tools wrote "Crypto".
                var crypto = root.TryGetProperty("crypto", out var lower) ? lower : root.GetProperty("Crypto");
                if (crypto.GetProperty("cipher").GetString() != Cipher)
                {
                    throw new KeystoreException($"Only {Cipher} keystores are supported.");
                }

                var parameters = crypto.GetProperty("kdfparams");
                var dklen = parameters.GetProperty("dklen").GetInt32();
                KeystoreKdf kdf = crypto.GetProperty("kdf").GetString() switch
                {
                    "scrypt" => new ScryptKdf(parameters.GetProperty("n").GetInt32(), parameters.GetProperty("r").GetInt32(), parameters.GetProperty("p").GetInt32(), dklen),
                    "pbkdf2" when parameters.GetProperty("prf").GetString() == Prf => new Pbkdf2Kdf(parameters.GetProperty("c").GetInt32(), dklen),
                    var other => throw new KeystoreException($"Unsupported KDF '{other}'."),
                };
                if (dklen < 32)
                {
                    throw new KeystoreException("dklen must be at least 32: the MAC uses derived key bytes 16..32.");
                }

                return new KeystoreFile(
                    AddressOf(root),
                    kdf,
                    Hex.Decode(parameters.GetProperty("salt").GetString()!),
                    Hex.Decode(crypto.GetProperty("cipherparams").GetProperty("iv").GetString()!),
                    Hex.Decode(crypto.GetProperty("ciphertext").GetString()!),
                    Hex.Decode(crypto.GetProperty("mac").GetString()!));
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                throw new KeystoreException("Not a readable Web3 Secret Storage v3 file.", ex);
            }
        }
    }
}
