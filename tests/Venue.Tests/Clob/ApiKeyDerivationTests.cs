using System.Net;
using Microsoft.Extensions.Time.Testing;
using Polytraders.Polymarket.Auth;
using Polytraders.Polymarket.Clob;
using Polytraders.Polymarket.Signing;
using Polytraders.Venue.Tests.Fake;
using Polytraders.Venue.Tests.Support;

namespace Polytraders.Venue.Tests.Clob;

/// <summary>
/// L2 credentials from the key alone (L1 ClobAuth): derived when the venue has them, created when it has none, and
/// accepted by the fake's L2 HMAC check afterwards. The fake recovers the signer of every L1 request.
/// </summary>
public sealed class ApiKeyDerivationTests
{
    [Fact]
    public async Task a_key_with_no_credentials_yet_gets_them_created_and_they_authenticate_l2_requests()
    {
        await using var rig = await ClobRig.StartAsync();
        using var signer = NewSigner();
        rig.Clob.State.PusdBalances[signer.Address] = 5_000_000;

        var (credentials, created) = await rig.Client.DeriveOrCreateApiKeyAsync(signer, nonce: 3);

        Assert.True(created);
        Assert.Equal(400, Assert.Single(rig.Clob.State.RequestsTo("GET", "/auth/derive-api-key")).Status);
        Assert.Equal(200, Assert.Single(rig.Clob.State.RequestsTo("POST", "/auth/api-key")).Status);
        var balance = await rig.Client.GetBalanceAllowanceAsync(new ClobAccount(signer.Address, credentials));
        Assert.Equal(5m, balance.Amount);
    }

    [Fact]
    public async Task a_key_that_has_credentials_derives_the_same_ones_and_creates_nothing()
    {
        await using var rig = await ClobRig.StartAsync();
        using var signer = NewSigner();
        var existing = await rig.Client.CreateApiKeyAsync(signer, nonce: 0);

        var (credentials, created) = await rig.Client.DeriveOrCreateApiKeyAsync(signer);

        Assert.False(created);
        Assert.Equal(existing, credentials);
        Assert.Single(rig.Clob.State.RequestsTo("POST", "/auth/api-key"));
    }

    [Fact]
    public async Task an_l1_signature_by_another_key_is_refused_and_nothing_is_created()
    {
        await using var rig = await ClobRig.StartAsync();
        using var mine = NewSigner();
        using var theirs = NewSigner();
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        // Their signature over a ClobAuth naming my address: the recovered signer is not POLY_ADDRESS.
        var forged = new Dictionary<string, string>(ClobAuth.CreateL1Headers(theirs, FakeClob.ChainId, now, 0))
        {
            [PolyHeaderNames.Address] = mine.Address.ToString(),
        };
        using var http = new HttpClient { BaseAddress = rig.Clob.BaseUrl };
        foreach (var (method, path) in new[] { (HttpMethod.Get, "/auth/derive-api-key"), (HttpMethod.Post, "/auth/api-key") })
        {
            using var request = new HttpRequestMessage(method, path);
            foreach (var (name, value) in forged)
            {
                request.Headers.Add(name, value);
            }

            using var response = await http.SendAsync(request);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        Assert.Null(rig.Clob.IssuedKey(mine.Address, 0));
        Assert.Null(rig.Clob.IssuedKey(theirs.Address, 0));
    }

    [Fact]
    public async Task a_stale_l1_timestamp_is_refused_and_not_taken_for_a_missing_key()
    {
        await using var rig = await ClobRig.StartAsync();
        using var signer = NewSigner();
        var stale = rig.ClientWith(new FakeTimeProvider(DateTimeOffset.UtcNow.AddMinutes(-5)));

        var refused = await Assert.ThrowsAsync<ClobApiException>(() => stale.DeriveOrCreateApiKeyAsync(signer));

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Empty(rig.Clob.State.RequestsTo("POST", "/auth/api-key"));
    }

    private static EthereumSigner NewSigner() => new(SigningKey.Generate(), new ManagedSecp256k1());
}
