using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Polytraders.Polymarket.Crypto;

namespace Polytraders.Polymarket.Auth;

/// <summary>
/// L2 authentication: HMAC-SHA256 over timestamp ‖ method ‖ requestPath ‖ body with the
/// base64-decoded API secret, sent as URL-safe base64 that keeps its "=" padding.
/// Source: buildPolyHmacSignature in clob-client-v2 src/signing/hmac.ts (atob the secret; btoa
/// the digest then '+'→'-' and '/'→'_', padding kept) and build_hmac_signature in
/// py-clob-client-v2 py_clob_client_v2/signing/hmac.py (urlsafe_b64decode / urlsafe_b64encode).
/// The body is signed verbatim, as the TypeScript and V2 Python clients do: it must be the exact
/// bytes sent. (rs-clob-client-v2 also swaps ' for ", which cannot change a body this code
/// serialises, since System.Text.Json never emits a single quote outside string values.)
/// </summary>
public static class L2Authentication
{
    public static string Sign(string secret, long timestampSeconds, string method, string requestPath, string? body = null)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentException.ThrowIfNullOrEmpty(requestPath);
        var message = string.Concat(timestampSeconds.ToString(CultureInfo.InvariantCulture), method, requestPath, body);
        var key = DecodeSecret(secret);
        try
        {
            Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
            HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(message), mac);
            return Convert.ToBase64String(mac).Replace('+', '-').Replace('/', '_');
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>POLY_ADDRESS, POLY_SIGNATURE, POLY_TIMESTAMP, POLY_API_KEY and POLY_PASSPHRASE for an authenticated request.</summary>
    public static IReadOnlyDictionary<string, string> CreateL2Headers(
        EthereumAddress address,
        ApiCredentials credentials,
        long timestampSeconds,
        string method,
        string requestPath,
        string? body = null)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        return new Dictionary<string, string>(5, StringComparer.Ordinal)
        {
            [PolyHeaderNames.Address] = address.ToString(),
            [PolyHeaderNames.Signature] = Sign(credentials.Secret, timestampSeconds, method, requestPath, body),
            [PolyHeaderNames.Timestamp] = timestampSeconds.ToString(CultureInfo.InvariantCulture),
            [PolyHeaderNames.ApiKey] = credentials.Key,
            [PolyHeaderNames.Passphrase] = credentials.Passphrase,
        };
    }

    /// <summary>Accepts both base64 alphabets, with or without padding (Python's urlsafe_b64decode input, or atob's).</summary>
    private static byte[] DecodeSecret(string secret)
    {
        var standard = secret.Replace('-', '+').Replace('_', '/');
        standard = standard.PadRight(standard.Length + ((4 - (standard.Length % 4)) % 4), '=');
        try
        {
            return Convert.FromBase64String(standard);
        }
        catch (FormatException)
        {
            throw new FormatException("The API secret is not base64.");
        }
    }
}
