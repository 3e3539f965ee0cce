using Polytraders.Contracts;
using Polytraders.Polymarket.Crypto;
using Polytraders.Venue.Tests.Support;

namespace Polytraders.Grains.Tests.Venue;

/// <summary>
/// The fake refuses what the real CLOB refuses, seen through our venue: a refusal becomes the venue's answer with the
/// venue's own words.
/// </summary>
public sealed class FakeClobChecksTests
{
    [Fact]
    public async Task a_tampered_signature_is_refused_by_the_fake()
    {
        await using var rig = await ClobRig.StartAsync();
        var market = TestMarkets.Standard(rig.Clob);
        using var wallet = new TestWallet(rig.Clob);
        var (order, intent) = wallet.Contract(market, TestWallet.Intent(market, Side.Buy, 0.50m, 10m));
        var signature = Hex.Decode(order.Signature);
        signature[10] ^= 0x01;

        var answer = await rig.Venue(wallet).SubmitAsync(order with { Signature = Hex.ToPrefixedHex(signature) }, intent, TestWallet.StateOf(market), CancellationToken.None);

        Assert.False(answer.Accepted);
        Assert.Equal((ReasonCodes.ExecOrderRejectedByVenue, "invalid signature"), (answer.ReasonCode, answer.Detail));
        Assert.Empty(rig.Clob.State.AcceptedOrders);
    }

    [Fact]
    public async Task an_order_beyond_the_pusd_balance_is_refused_by_the_fake()
    {
        await using var rig = await ClobRig.StartAsync();
        var market = TestMarkets.Standard(rig.Clob);
        using var wallet = new TestWallet(rig.Clob, pusdBaseUnits: 1_000_000);
        var (order, intent) = wallet.Contract(market, TestWallet.Intent(market, Side.Buy, 0.50m, 10m));

        var answer = await rig.Venue(wallet).SubmitAsync(order, intent, TestWallet.StateOf(market), CancellationToken.None);

        Assert.Equal((false, ReasonCodes.ExecOrderRejectedByVenue, "not enough balance / allowance"), (answer.Accepted, answer.ReasonCode, answer.Detail));
    }
}
