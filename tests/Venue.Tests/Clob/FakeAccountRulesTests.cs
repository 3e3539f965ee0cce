using System.Net;
using Polytraders.Polymarket.Accounts;
using Polytraders.Polymarket.Auth;
using Polytraders.Polymarket.Clob;
using Polytraders.Polymarket.Crypto;
using Polytraders.Polymarket.Orders;
using Polytraders.Venue.Tests.Fake;
using Polytraders.Venue.Tests.Support;

namespace Polytraders.Venue.Tests.Clob;

/// <summary>
/// The fake applies the venue's maker and signer rules per signature type, so an order of each type it accepts in the
/// end-to-end tests was made as Polymarket would accept it, and one made otherwise is refused. Each test has its own
/// fake, market and owner EOA (with an API key of its own address and no pUSD).
/// </summary>
public sealed class FakeAccountRulesTests : IAsyncLifetime
{
    private const string InvalidSignature = "invalid signature";
    private ClobRig _rig = null!;
    private FakeMarket _market = null!;
    private TestWallet _owner = null!;

    public async Task InitializeAsync()
    {
        _rig = await ClobRig.StartAsync();
        _market = TestMarkets.Standard(_rig.Clob);
        _owner = new TestWallet(_rig.Clob, pusdBaseUnits: 0);
    }

    public async Task DisposeAsync()
    {
        _owner.Dispose();
        await _rig.DisposeAsync();
    }

    [Theory]
    [InlineData(OrderSignatureType.PolyProxy)]
    [InlineData(OrderSignatureType.PolyGnosisSafe)]
    public async Task a_proxy_or_safe_order_signed_by_its_owner_is_accepted_and_spends_the_wallets_funds(OrderSignatureType type)
    {
        var funder = Derived(type, _owner.Signer.Address);
        _rig.Clob.State.PusdBalances[funder] = 100_000_000;

        var posted = await _rig.Client.PostOrderAsync(Bid(new TradingAccount(type, funder)), _owner.Account, OrderType.Gtc);

        Assert.True(posted.Success);
        Assert.Equal(95_000_000, _rig.Clob.State.PusdBalances[funder]);
    }

    [Theory]
    [InlineData(OrderSignatureType.PolyProxy)]
    [InlineData(OrderSignatureType.PolyGnosisSafe)]
    public async Task a_proxy_or_safe_order_for_a_wallet_its_signer_does_not_own_is_refused(OrderSignatureType type)
    {
        using var stranger = new TestWallet(_rig.Clob);
        var notOwned = new TradingAccount(type, Derived(type, stranger.Signer.Address));

        var refused = await RefusedAsync(Bid(notOwned), _owner.Account);

        Assert.Equal((HttpStatusCode.BadRequest, InvalidSignature), (refused.StatusCode, refused.VenueMessage));
    }

    [Fact]
    public async Task an_eoa_order_naming_another_maker_is_refused()
    {
        var signed = Bid(account: null);
        var otherMaker = signed.Order with { Maker = Derived(OrderSignatureType.PolyGnosisSafe, _owner.Signer.Address) };
        var resigned = OrderSigning.Sign(otherMaker, CtfExchangeV2.Domain(FakeClob.ChainId, _market.NegRisk), _owner.Signer);

        Assert.Equal(InvalidSignature, (await RefusedAsync(resigned, _owner.Account)).VenueMessage);
    }

    [Fact]
    public async Task a_deposit_wallet_order_wrapped_for_its_owner_is_accepted_under_the_wallets_api_key()
    {
        var (wallet, walletKey) = DeployDepositWallet();

        var posted = await _rig.Client.PostOrderAsync(Bid(new TradingAccount(OrderSignatureType.Poly1271, wallet)), walletKey, OrderType.Gtc);

        Assert.True(posted.Success);
        Assert.Equal(95_000_000, _rig.Clob.State.PusdBalances[wallet]);
    }

    [Fact]
    public async Task a_deposit_wallet_order_posted_under_the_owners_api_key_is_refused()
    {
        var (wallet, _) = DeployDepositWallet();

        var refused = await RefusedAsync(Bid(new TradingAccount(OrderSignatureType.Poly1271, wallet)), _owner.Account);

        Assert.Equal("the order signer address has to be the address of the API KEY", refused.VenueMessage);
    }

    /// <summary>Offsets: the owner's signature, the exchange's domain separator, the order's struct hash, the type string.</summary>
    [Theory]
    [InlineData(0)]
    [InlineData(70)]
    [InlineData(100)]
    [InlineData(140)]
    public async Task a_deposit_wallet_signature_altered_anywhere_in_its_wrapping_is_refused(int offset)
    {
        var (wallet, walletKey) = DeployDepositWallet();
        var signed = Bid(new TradingAccount(OrderSignatureType.Poly1271, wallet));
        var wrapped = Hex.Decode(signed.Signature);
        wrapped[offset] ^= 0x01;

        Assert.Equal(InvalidSignature, (await RefusedAsync(signed with { Signature = Hex.ToPrefixedHex(wrapped) }, walletKey)).VenueMessage);
    }

    [Fact]
    public async Task a_deposit_wallet_the_chain_does_not_know_is_refused()
    {
        var (wallet, walletKey) = DeployDepositWallet();
        _rig.Clob.State.DepositWallets.TryRemove(wallet, out _);

        Assert.Equal(InvalidSignature, (await RefusedAsync(Bid(new TradingAccount(OrderSignatureType.Poly1271, wallet)), walletKey)).VenueMessage);
    }

    private static EthereumAddress Derived(OrderSignatureType type, EthereumAddress owner) =>
        (type == OrderSignatureType.PolyProxy ? PolymarketWallets.ProxyWallet(owner, FakeClob.ChainId) : PolymarketWallets.Safe(owner, FakeClob.ChainId))!.Value;

    /// <summary>A GTC bid for 10 shares at 0.50 (5 pUSD) under the best ask, so an accepted one rests and holds its pUSD.</summary>
    private SignedOrderV2 Bid(TradingAccount? account) => _owner.Limit(_market, OrderSide.Buy, 0.50m, 10m, account);

    private Task<ClobApiException> RefusedAsync(SignedOrderV2 order, ClobAccount account) =>
        Assert.ThrowsAsync<ClobApiException>(() => _rig.Client.PostOrderAsync(order, account, OrderType.Gtc));

    /// <summary>A deposit wallet of the owner holding 100 pUSD, with an API key bound to the wallet's own address.</summary>
    private (EthereumAddress Wallet, ClobAccount Key) DeployDepositWallet()
    {
        var wallet = _rig.Clob.AddDepositWallet(_owner.Signer.Address);
        var key = _rig.Clob.AddAccount(wallet, pusdBaseUnits: 100_000_000);
        return (wallet, new ClobAccount(wallet, new ApiCredentials(key.ApiKey, key.Secret, key.Passphrase)));
    }
}
