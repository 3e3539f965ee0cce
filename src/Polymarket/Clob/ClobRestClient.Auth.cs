using System.Net;
using System.Numerics;
using System.Text.Json.Serialization;
using Polytraders.Polymarket.Auth;
using Polytraders.Polymarket.Signing;

namespace Polytraders.Polymarket.Clob;

/// <summary>
/// L1 (EIP-712 ClobAuth) calls that create or recover the account's L2 credentials. Source: create_api_key /
/// derive_api_key / create_or_derive_api_key in py-clob-client-v2 client.py (answer {"apiKey","secret","passphrase"};
/// a create refused with 400 or 409 means the key exists and is derived instead). The answer is never logged.
/// </summary>
public sealed partial class ClobRestClient
{
    /// <summary>POST /auth/api-key: a new key for <paramref name="signer"/> under <paramref name="nonce"/>.</summary>
    public Task<ApiCredentials> CreateApiKeyAsync(EthereumSigner signer, BigInteger nonce = default, CancellationToken cancellationToken = default) =>
        ApiKeyAsync(HttpMethod.Post, ClobEndpoints.CreateApiKey, signer, nonce, cancellationToken);

    /// <summary>GET /auth/derive-api-key: the existing key for <paramref name="signer"/> under <paramref name="nonce"/>.</summary>
    public Task<ApiCredentials> DeriveApiKeyAsync(EthereumSigner signer, BigInteger nonce = default, CancellationToken cancellationToken = default) =>
        ApiKeyAsync(HttpMethod.Get, ClobEndpoints.DeriveApiKey, signer, nonce, cancellationToken);

    /// <summary>Creates the key, or derives it when the venue says it already exists (400/409).</summary>
    public async Task<ApiCredentials> CreateOrDeriveApiKeyAsync(EthereumSigner signer, BigInteger nonce = default, CancellationToken cancellationToken = default)
    {
        try
        {
            return await CreateApiKeyAsync(signer, nonce, cancellationToken).ConfigureAwait(false);
        }
        catch (ClobApiException ex) when (ex.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Conflict)
        {
            return await DeriveApiKeyAsync(signer, nonce, cancellationToken).ConfigureAwait(false);
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
