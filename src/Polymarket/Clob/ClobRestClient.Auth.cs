using System.Net;
using System.Numerics;
using System.Text.Json.Serialization;
using Polytraders.Polymarket.Auth;
using Polytraders.Polymarket.Signing;

namespace Polytraders.Polymarket.Clob;

/// <summary>
/// L1 (EIP-712 ClobAuth) calls that create or recover the account's L2 credentials. Source: create_api_key /
/// derive_api_key in py-clob-client-v2 client.py (answer {"apiKey","secret","passphrase"}). The answer is never logged.
/// </summary>
public sealed partial class ClobRestClient
{
    /// <summary>POST /auth/api-key: a new key for <paramref name="signer"/> under <paramref name="nonce"/>.</summary>
    public Task<ApiCredentials> CreateApiKeyAsync(EthereumSigner signer, BigInteger nonce = default, CancellationToken cancellationToken = default) =>
        ApiKeyAsync(HttpMethod.Post, ClobEndpoints.CreateApiKey, signer, nonce, cancellationToken);

    /// <summary>GET /auth/derive-api-key: the existing key for <paramref name="signer"/> under <paramref name="nonce"/>.</summary>
    public Task<ApiCredentials> DeriveApiKeyAsync(EthereumSigner signer, BigInteger nonce = default, CancellationToken cancellationToken = default) =>
        ApiKeyAsync(HttpMethod.Get, ClobEndpoints.DeriveApiKey, signer, nonce, cancellationToken);

    /// <summary>
    /// Derives the key, or creates it when the venue has none under <paramref name="nonce"/> (derive refused with 400 or
    /// 404); <c>Created</c> says which. Derive comes first so that a run never mints a second key while one exists: the
    /// reference clients create first and fall back to derive (createOrDeriveApiKey in clob-client-v2 src/client.ts),
    /// relying on the venue refusing the second create. Anything else, an L1 refusal (401) included, propagates.
    /// </summary>
    public async Task<(ApiCredentials Credentials, bool Created)> DeriveOrCreateApiKeyAsync(EthereumSigner signer, BigInteger nonce = default, CancellationToken cancellationToken = default)
    {
        try
        {
            return (await DeriveApiKeyAsync(signer, nonce, cancellationToken).ConfigureAwait(false), false);
        }
        catch (ClobApiException ex) when (ex.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound)
        {
            return (await CreateApiKeyAsync(signer, nonce, cancellationToken).ConfigureAwait(false), true);
        }
    }

    private async Task<ApiCredentials> ApiKeyAsync(HttpMethod method, string path, EthereumSigner signer, BigInteger nonce, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signer);
        var headers = ClobAuth.CreateL1Headers(signer, _options.ChainId, _time.GetUtcNow().ToUnixTimeSeconds(), nonce);
        var request = new ClobRequest(method, path) { Auth = ClobAuthLevel.L1, L1Headers = headers };
        var answer = await SendAsync<ApiKeyAnswer>(request, cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrEmpty(answer.ApiKey) || string.IsNullOrEmpty(answer.Secret) || string.IsNullOrEmpty(answer.Passphrase))
        {
            throw new ClobApiException(ClobErrorKind.Unavailable, $"{method} {path} answered without complete credentials.");
        }

        return new ApiCredentials(answer.ApiKey, answer.Secret, answer.Passphrase);
    }

    private sealed record ApiKeyAnswer
    {
        [JsonPropertyName("apiKey")]
        public string? ApiKey { get; init; }

        [JsonPropertyName("secret")]
        public string? Secret { get; init; }

        [JsonPropertyName("passphrase")]
        public string? Passphrase { get; init; }

        // Records print their members; this one must not.
        public override string ToString() => "ApiKeyAnswer(redacted)";
    }
}
