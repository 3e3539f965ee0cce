using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Polytraders.Gateway.Options;

namespace Polytraders.Gateway.Auth;

/// <summary>The configured API keys, held only as SHA-256 digests so a lookup neither keeps nor compares raw keys.</summary>
internal sealed class ApiKeyRegistry
{
    private readonly Dictionary<string, ApiKeyIdentity> _byDigest;

    public ApiKeyRegistry(IOptions<GatewayOptions> options)
    {
        _byDigest = options.Value.ApiKeys.ToDictionary(
            entry => Digest(entry.Key),
            entry => new ApiKeyIdentity(entry.Value.Operator, entry.Value.Role, Digest(entry.Key)[..16], entry.Value.Tenant ?? options.Value.DefaultTenant),
            StringComparer.Ordinal);
    }

    public bool TryFind(string presentedKey, out ApiKeyIdentity identity) =>
        _byDigest.TryGetValue(Digest(presentedKey), out identity!);

    private static string Digest(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}

/// <param name="KeyId">The first 16 hex digits of the key's SHA-256: names the key (rate limits, refusal counts) without holding it.</param>
/// <param name="TenantId">The Tenant the key speaks for: what its lists show and where it creates Portfolios.</param>
internal sealed record ApiKeyIdentity(string OperatorId, string Role, string KeyId, string TenantId);
