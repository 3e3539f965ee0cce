using System.Globalization;
using System.Net;
using System.Numerics;
using Microsoft.Extensions.Time.Testing;
using Polytraders.Polymarket.Clob;
using Polytraders.Polymarket.Crypto;
using Polytraders.Polymarket.Orders;
using Polytraders.Venue.Tests.Support;

namespace Polytraders.Venue.Tests.Clob;

/// <summary>The fake refuses what the real CLOB refuses, so an accepted order in the other tests means something.</summary>
public sealed class FakeClobChecksTests
{
    [Fact]
    public async Task an_order_changed_after_signing_is_refused_by_the_fake()
    {
        await using var rig = await ClobRig.StartAsync();
        var market = TestMarkets.Standard(rig.Clob);
        using var wallet = new TestWallet(rig.Clob);
        var signed = wallet.Limit(market, OrderSide.Buy, 0.50m, 10m);
        var altered = signed with { Order = signed.Order with { TakerAmount = signed.Order.TakerAmount * 2 } };

        var refused = await Assert.ThrowsAsync<ClobApiException>(() => rig.Client.PostOrderAsync(altered, wallet.Account, OrderType.Gtc));

        Assert.Equal((HttpStatusCode.BadRequest, "invalid signature"), (refused.StatusCode, refused.VenueMessage));
    }

    [Fact]
    public async Task a_wrong_hmac_secret_is_refused_by_the_fake()
    {
        await using var rig = await ClobRig.StartAsync();
        var market = TestMarkets.Standard(rig.Clob);
        using var wallet = new TestWallet(rig.Clob);
        var wrong = wallet.Account with { Credentials = wallet.Account.Credentials with { Secret = Convert.ToBase64String(new byte[32]) } };

        var refused = await Assert.ThrowsAsync<ClobApiException>(() => rig.Client.PostOrderAsync(wallet.Limit(market, OrderSide.Buy, 0.50m, 10m), wrong, OrderType.Gtc));

        Assert.Equal((ClobErrorKind.Refused, HttpStatusCode.Unauthorized), (refused.Kind, refused.StatusCode));
        Assert.Empty(rig.Clob.State.AcceptedOrders);
        Assert.Single(rig.Clob.State.RequestsTo("POST", "/order"));
    }

    [Fact]
    public async Task a_stale_l2_timestamp_is_refused_by_the_fake()
    {
        await using var rig = await ClobRig.StartAsync();
        var market = TestMarkets.Standard(rig.Clob);
        using var wallet = new TestWallet(rig.Clob);
        var late = new FakeTimeProvider(DateTimeOffset.UtcNow - TimeSpan.FromMinutes(5));

        var refused = await Assert.ThrowsAsync<ClobApiException>(() =>
            rig.ClientWith(late).PostOrderAsync(wallet.Limit(market, OrderSide.Buy, 0.50m, 10m), wallet.Account, OrderType.Gtc));

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("stale timestamp", refused.VenueMessage);
    }

    [Fact]
    public async Task a_price_off_the_tick_is_refused_by_the_fake()
    {
        await using var rig = await ClobRig.StartAsync();
        var market = TestMarkets.Standard(rig.Clob);
        using var wallet = new TestWallet(rig.Clob);

        // 10 shares for 5.05 pUSD is a price of 0.505 on a 0.01 tick; correctly signed, so only the tick check can refuse it.
        var order = new OrderV2(
            OrderSalt.Next(), wallet.Signer.Address, wallet.Signer.Address, BigInteger.Parse(market.TokenId, CultureInfo.InvariantCulture),
            MakerAmount: 5_050_000, TakerAmount: 10_000_000, OrderSide.Buy, OrderSignatureType.Eoa,
            (ulong)DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), Bytes32.Zero, Bytes32.Zero);
        var signed = OrderSigning.Sign(order, CtfExchangeV2.Domain(137, negRisk: false), wallet.Signer);

        var refused = await Assert.ThrowsAsync<ClobApiException>(() => rig.Client.PostOrderAsync(signed, wallet.Account, OrderType.Gtc));

        Assert.Contains("invalid price (0.505)", refused.VenueMessage);
    }

    [Fact]
    public async Task an_order_below_the_minimum_size_is_refused_by_the_fake()
    {
        await using var rig = await ClobRig.StartAsync();
        var market = TestMarkets.Standard(rig.Clob);
        using var wallet = new TestWallet(rig.Clob);

        var refused = await Assert.ThrowsAsync<ClobApiException>(() => rig.Client.PostOrderAsync(wallet.Limit(market, OrderSide.Buy, 0.50m, 2m), wallet.Account, OrderType.Gtc));

        Assert.Contains("min size 5", refused.VenueMessage);
    }

    [Fact]
    public async Task an_order_posted_under_someone_elses_key_is_refused_by_the_fake()
    {
        await using var rig = await ClobRig.StartAsync();
        var market = TestMarkets.Standard(rig.Clob);
        using var mine = new TestWallet(rig.Clob);
        using var theirs = new TestWallet(rig.Clob);
        var borrowed = new ClobAccount(theirs.Signer.Address, theirs.Account.Credentials);

        var refused = await Assert.ThrowsAsync<ClobApiException>(() => rig.Client.PostOrderAsync(mine.Limit(market, OrderSide.Buy, 0.50m, 10m), borrowed, OrderType.Gtc));

        Assert.Equal("the order signer address has to be the address of the API KEY", refused.VenueMessage);
    }

    [Fact]
    public async Task l1_headers_create_and_derive_the_same_api_key()
    {
        await using var rig = await ClobRig.StartAsync();
        using var wallet = new TestWallet(rig.Clob);

        var created = await rig.Client.CreateApiKeyAsync(wallet.Signer, nonce: 7);
        var derived = await rig.Client.DeriveApiKeyAsync(wallet.Signer, nonce: 7);
        var unknown = await Assert.ThrowsAsync<ClobApiException>(() => rig.Client.DeriveApiKeyAsync(wallet.Signer, nonce: 8));

        Assert.Equal(created, derived);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        var balance = await rig.Client.GetBalanceAllowanceAsync(new ClobAccount(wallet.Signer.Address, created));
        Assert.Equal(1_000m, balance.Amount);
        Assert.Equal("ApiCredentials(Key = " + created.Key + ", Secret = redacted, Passphrase = redacted)", created.ToString());
    }
}
