using Polytraders.Contracts;
using Polytraders.Polymarket.Crypto;
using Polytraders.Venue.Tests.Support;

namespace Polytraders.Grains.Tests.Venue;

/// <summary>
/// Issue 13: a Portfolio names its Polymarket account, and its Strategy's orders are signed for it end to end. The
/// fake CLOB checks each order as the venue and the exchange would (signer bound to the API key, signature recovered,
/// maker the key's own address or derived wallet, a deposit wallet's ERC-7739 wrapping), so an accepted order was made
/// right. An account that does not belong to the key stops trading with its reason code.
/// </summary>
public sealed class AccountEndToEndTests
{
    private static readonly EthereumAddress Stranger = EthereumAddress.Parse("0x00000000000000000000000000000000000000aa");

    [Theory]
    [InlineData(SignatureType.Eoa)]
    [InlineData(SignatureType.PolyProxy)]
    [InlineData(SignatureType.PolyGnosisSafe)]
    [InlineData(SignatureType.Poly1271)]
    public async Task a_strategy_order_is_signed_for_the_portfolios_account_and_filled_on_the_fake_clob(SignatureType type)
    {
        await using var silo = await ClobSilo.StartAsync(MomentumEntry.DeepAsks, accountType: type);

        var launched = await silo.Grains.GetGrain<IPortfolioGrain>(silo.Portfolio.PortfolioId).Launch(MomentumEntry.Launch(silo), "alice");
        Assert.True(launched.Succeeded, launched.Detail);
        await MomentumEntry.PublishUntilEnteredAsync(silo);
        var trail = await MomentumEntry.TrailWithAsync(silo, ReasonCodes.ExecOrderFilled);

        var signed = Assert.Single(trail, e => e.ReasonCode == ReasonCodes.ExecOrderSigned).Payload.Order!;
        var orderSigner = type == SignatureType.Poly1271 ? silo.Maker : silo.Signer;
        Assert.Equal(((long)type, silo.Maker.ToString(), orderSigner.ToString()), (signed.SignatureType, signed.Maker, signed.Signer));
        Assert.Equal(type == SignatureType.Eoa, silo.Maker == silo.Signer);
        var accepted = Assert.Single(silo.Clob.State.AcceptedOrders);
        Assert.Equal(("matched", signed.OrderHash), (accepted.Status, accepted.OrderHash));
        var position = await Eventually.FoundAsync(async () =>
            (await silo.Grains.GetGrain<IPortfolioGrain>(silo.Portfolio.PortfolioId).GetState())!.Positions.SingleOrDefault(p => p.TokenId == silo.Market.TokenId));
        Assert.Equal(accepted.Shares, position.Size);

        // The pUSD left the maker, whoever signed.
        Assert.Equal(1_000_000_000 - long.Parse(signed.MakerAmount, System.Globalization.CultureInfo.InvariantCulture), silo.Clob.State.PusdBalances[silo.Maker]);
    }

    [Fact]
    public async Task a_portfolio_whose_safe_is_not_the_keys_cannot_launch_a_strategy()
    {
        await using var silo = await ClobSilo.StartAsync(MomentumEntry.DeepAsks);
        var portfolio = silo.Grains.GetGrain<IPortfolioGrain>(silo.Portfolio.PortfolioId);
        await portfolio.Configure(silo.Portfolio with { PolymarketAccount = new PolymarketAccount { SignatureType = SignatureType.PolyGnosisSafe, Funder = Stranger.ToString() } });

        var launch = MomentumEntry.Launch(silo);
        var refused = await portfolio.Launch(launch, "alice");

        Assert.Equal((false, ReasonCodes.SecAccountFunderMismatch), (refused.Succeeded, refused.ReasonCode));
        Assert.Null(await silo.Grains.GetGrain<IStrategyGrain>(launch.StrategyId).GetPortfolio());
        Assert.Empty((await portfolio.GetState())!.Launches);
    }

    /// <summary>
    /// The account changes under a running Strategy: its next order is refused by execution with the reason code,
    /// audited, and never reaches the venue.
    /// </summary>
    [Fact]
    public async Task orders_of_a_portfolio_reconfigured_to_a_funder_that_is_not_the_keys_are_refused_audited_and_never_sent()
    {
        await using var silo = await ClobSilo.StartAsync(MomentumEntry.DeepAsks);
        var portfolio = silo.Grains.GetGrain<IPortfolioGrain>(silo.Portfolio.PortfolioId);
        Assert.True((await portfolio.Launch(MomentumEntry.Launch(silo), "alice")).Succeeded);
        await portfolio.Configure(silo.Portfolio with { PolymarketAccount = new PolymarketAccount { SignatureType = SignatureType.Eoa, Funder = Stranger.ToString() } });

        await MomentumEntry.PublishUntilEnteredAsync(silo);
        var trail = await MomentumEntry.TrailWithAsync(silo, ReasonCodes.SecAccountFunderMismatch);

        var refusal = Assert.Single(trail, e => e.ReasonCode == ReasonCodes.SecAccountFunderMismatch);
        Assert.Equal((AuditPayloadKind.OrderFailed, "execution"), (refusal.Payload.Kind, refusal.Actor));
        Assert.Contains(Stranger.ToString(), refusal.Payload.Detail, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(trail, e => e.ReasonCode == ReasonCodes.ExecOrderSigned);
        Assert.Empty(silo.Clob.State.RequestsTo("POST", "/order"));
    }

    [Fact]
    public async Task a_clob_api_key_of_another_address_stops_launches_and_orders_with_the_reason_code()
    {
        await using var silo = await ClobSilo.StartAsync(MomentumEntry.DeepAsks, new Dictionary<string, string?> { ["Clob:Credentials:Address"] = Stranger.ToString() });
        var portfolio = silo.Grains.GetGrain<IPortfolioGrain>(silo.Portfolio.PortfolioId);

        var launch = await portfolio.Launch(MomentumEntry.Launch(silo), "alice");

        Assert.Equal(ReasonCodes.SecClobAddressMismatch, launch.ReasonCode);
        var context = new AuditContext(silo.Portfolio.TenantId, silo.Portfolio.PortfolioId, "e2e-strategy", $"LCH-{Guid.NewGuid():N}", AuditEnvelopeMode.Paper, silo.Portfolio.BuilderCode);
        var intent = TestWallet.Intent(silo.Market, Side.Buy, 0.45m, 10m) with { PortfolioId = silo.Portfolio.PortfolioId, StrategyId = "e2e-strategy", LaunchId = context.LaunchId! };
        var placed = await silo.Grains.GetGrain<IOrderGrain>(intent.ClientOrderId).Place(intent, context);
        Assert.Equal(ReasonCodes.SecClobAddressMismatch, placed.ReasonCode);
        var trail = await MomentumEntry.TrailWithAsync(silo, ReasonCodes.SecClobAddressMismatch);
        Assert.Equal(intent.ClientOrderId, Assert.Single(trail, e => e.ReasonCode == ReasonCodes.SecClobAddressMismatch).Payload.Intent!.ClientOrderId);
        Assert.Empty(silo.Clob.State.RequestsTo("POST", "/order"));
    }
}
