using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Polytraders.Polymarket.Auth;
using Polytraders.Polymarket.Crypto;
using Polytraders.Polymarket.Signing;

namespace Polytraders.Venue.Tests.Fake;

/// <summary>
/// What the CLOB checks on authenticated requests. L2: the key exists, the passphrase and address belong to it, the
/// timestamp is fresh, and POLY_SIGNATURE is the HMAC-SHA256 (base64url secret, base64url digest) of
/// timestamp ‖ method ‖ path ‖ body, recomputed here independently of the client's code. L1: the timestamp is fresh,
/// the nonce a non-negative integer, and the EIP-712 ClobAuth signature over them recovers POLY_ADDRESS.
/// </summary>
public static class FakeAuth
{
    public static (FakeAccount? Account, string? Error) VerifyL2(HttpContext context, string body, FakeClobState state)
    {
        var headers = context.Request.Headers;
        string Header(string name) => headers[name].ToString();
        if (!state.Accounts.TryGetValue(Header(PolyHeaderNames.ApiKey), out var account))
        {
            return (null, "Unauthorized/Invalid api key");
        }

        if (!FixedEquals(Header(PolyHeaderNames.Passphrase), account.Passphrase)
            || !string.Equals(Header(PolyHeaderNames.Address), account.Address.ToString(), StringComparison.OrdinalIgnoreCase))
        {
            return (null, "Unauthorized/Invalid api key");
        }

        if (!long.TryParse(Header(PolyHeaderNames.Timestamp), NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp)
            || (DateTimeOffset.UtcNow - DateTimeOffset.FromUnixTimeSeconds(timestamp)).Duration() > state.MaxTimestampSkew)
        {
            return (null, "Unauthorized/Invalid api key: stale timestamp");
        }

        var expected = Hmac(account.Secret, string.Concat(Header(PolyHeaderNames.Timestamp), context.Request.Method, context.Request.Path.Value, body));
        return FixedEquals(Header(PolyHeaderNames.Signature), expected) ? (account, null) : (null, "Unauthorized/Invalid api key");
    }

    public static (EthereumAddress? Address, BigInteger Nonce, string? Error) VerifyL1(HttpContext context, long chainId, FakeClobState state)
    {
        var headers = context.Request.Headers;
        try
        {
            var address = EthereumAddress.Parse(headers[PolyHeaderNames.Address].ToString());
            var timestamp = long.Parse(headers[PolyHeaderNames.Timestamp].ToString(), NumberStyles.None, CultureInfo.InvariantCulture);
            var nonce = BigInteger.Parse(headers[PolyHeaderNames.Nonce].ToString(), NumberStyles.None, CultureInfo.InvariantCulture);
            if ((DateTimeOffset.UtcNow - DateTimeOffset.FromUnixTimeSeconds(timestamp)).Duration() > state.MaxTimestampSkew)
            {
                return (null, nonce, "Invalid L1 Request headers: stale timestamp");
            }

            var digest = ClobAuth.Digest(address, chainId, timestamp, nonce);
            var recovered = SignatureRecovery.RecoverAddress(digest, Hex.Decode(headers[PolyHeaderNames.Signature].ToString()));
            return recovered == address ? (address, nonce, null) : (null, nonce, "Invalid L1 Request headers");
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or OverflowException)
        {
            return (null, BigInteger.Zero, "Invalid L1 Request headers");
        }
    }

    public static bool FixedEquals(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));

    /// <summary>The reference clients' HMAC, written out again: urlsafe-base64 secret, urlsafe-base64 digest with padding.</summary>
    private static string Hmac(string secret, string message)
    {
        var standard = secret.Replace('-', '+').Replace('_', '/');
        standard = standard.PadRight(standard.Length + ((4 - (standard.Length % 4)) % 4), '=');
        var mac = HMACSHA256.HashData(Convert.FromBase64String(standard), Encoding.UTF8.GetBytes(message));
        return Convert.ToBase64String(mac).Replace('+', '-').Replace('/', '_');
    }
}
