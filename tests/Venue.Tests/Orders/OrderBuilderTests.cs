using System.Text.Json;
using Polytraders.Polymarket.Crypto;
using Polytraders.Polymarket.Orders;
using Polytraders.Polymarket.Signing;

namespace Polytraders.Venue.Tests.Orders;

public class OrderBuilderTests
{
    private static readonly MarketRules Hundredth = new(TickSize.Hundredth, MinimumOrderSize: 5m, NegRisk: false);
    private static readonly EthereumAddress DepositWallet = EthereumAddress.Parse("0x1111111111111111111111111111111111111111");

    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeMilliseconds(1_780_449_126_930);

    [Fact]
    public void limit_order_is_built_signed_and_recoverable()
    {
        using var signer = TestAccounts.Hardhat();
        var builder = new OrderBuilder(signer, new OrderBuilderOptions(CtfExchangeV2.PolygonChainId), new FixedClock(Now), () => 42);

        var signed = builder.BuildLimit(1234, OrderSide.Buy, 0.56m, 100m, Hundredth).Value;

        Assert.Equal(
            new OrderV2(42, signer.Address, signer.Address, 1234, 56_000_000, 100_000_000, OrderSide.Buy, OrderSignatureType.Eoa, 1_780_449_126_930, Bytes32.Zero, Bytes32.Zero),
            signed.Order);
        Assert.Equal(OrderSigning.ComputeOrderHash(signed.Order, CtfExchangeV2.Domain(137, negRisk: false)), signed.OrderHash);
        Assert.Equal(signer.Address, SignatureRecovery.RecoverAddress(signed.OrderHash.ToArray(), Hex.Decode(signed.Signature)));
    }

    [Fact]
    public void refusals_reach_the_caller_with_their_code_and_nothing_is_signed()
    {
        using var signer = TestAccounts.Hardhat();
        var builder = new OrderBuilder(signer, new OrderBuilderOptions(CtfExchangeV2.PolygonChainId), new FixedClock(Now));

        Assert.Equal(OrderRefusal.PriceNotOnTick, builder.BuildLimit(1, OrderSide.Sell, 0.555m, 100m, Hundredth).Refusal);
        Assert.Equal(OrderRefusal.SizeBelowMinimum, builder.BuildMarket(1, OrderSide.Buy, 1m, 0.5m, Hundredth).Refusal);
    }

    [Fact]
    public void neg_risk_market_orders_hash_under_the_neg_risk_exchange()
    {
        using var signer = TestAccounts.Hardhat();
        var builder = new OrderBuilder(signer, new OrderBuilderOptions(CtfExchangeV2.AmoyChainId), new FixedClock(Now), () => 7);
        var rules = Hundredth with { NegRisk = true };

        var signed = builder.BuildMarket(99, OrderSide.Buy, 100m, 0.56m, rules).Value;

        Assert.Equal(178_571_400UL, signed.Order.TakerAmount);
        Assert.Equal(OrderSigning.ComputeOrderHash(signed.Order, CtfExchangeV2.Domain(80002, negRisk: true)), signed.OrderHash);
    }

    [Fact]
    public void deposit_wallet_accounts_sign_as_the_wallet_with_the_wrapped_signature()
    {
        using var owner = TestAccounts.Hardhat();
        var options = new OrderBuilderOptions(CtfExchangeV2.AmoyChainId, OrderSignatureType.Poly1271, Funder: DepositWallet);
        var builder = new OrderBuilder(owner, options, new FixedClock(Now));

        var signed = builder.BuildLimit(1, OrderSide.Sell, 0.5m, 10m, Hundredth).Value;

        Assert.Equal(DepositWallet, signed.Order.Maker);
        Assert.Equal(DepositWallet, signed.Order.Signer);
        var typeString = CtfExchangeV2.OrderTypes.EncodeType(CtfExchangeV2.OrderTypeName);
        Assert.Equal(2 + 130 + 64 + 64 + (2 * typeString.Length) + 4, signed.Signature.Length);
    }

    [Fact]
    public void proxy_accounts_use_the_funder_as_maker_and_the_eoa_as_signer()
    {
        using var owner = TestAccounts.Hardhat();
        var options = new OrderBuilderOptions(CtfExchangeV2.PolygonChainId, OrderSignatureType.PolyGnosisSafe, Funder: DepositWallet);
        var signed = new OrderBuilder(owner, options, new FixedClock(Now)).BuildLimit(1, OrderSide.Buy, 0.5m, 10m, Hundredth).Value;

        Assert.Equal(DepositWallet, signed.Order.Maker);
        Assert.Equal(owner.Address, signed.Order.Signer);
        Assert.Equal(OrderSignatureType.PolyGnosisSafe, signed.Order.SignatureType);
    }

    [Fact]
    public void a_deposit_wallet_account_without_a_funder_refuses_every_order()
    {
        using var owner = TestAccounts.Hardhat();
        var builder = new OrderBuilder(owner, new OrderBuilderOptions(137, OrderSignatureType.Poly1271), new FixedClock(Now));

        Assert.Equal(OrderRefusal.FunderRequired, builder.BuildLimit(1, OrderSide.Buy, 0.5m, 10m, Hundredth).Refusal);
        Assert.Equal(OrderRefusal.FunderRequired, builder.BuildMarket(1, OrderSide.Sell, 10m, 0.5m, Hundredth).Refusal);
    }

    [Fact]
    public void a_signature_type_the_exchange_does_not_verify_is_refused()
    {
        using var owner = TestAccounts.Hardhat();
        var builder = new OrderBuilder(owner, new OrderBuilderOptions(137, (OrderSignatureType)4, Funder: DepositWallet), new FixedClock(Now));

        Assert.Equal(OrderRefusal.InvalidSignatureType, builder.BuildLimit(1, OrderSide.Buy, 0.5m, 10m, Hundredth).Refusal);
    }

    [Fact]
    public void token_ids_outside_uint256_are_refused_and_the_largest_is_signed()
    {
        using var signer = TestAccounts.Hardhat();
        var builder = new OrderBuilder(signer, new OrderBuilderOptions(137), new FixedClock(Now));
        var limit = System.Numerics.BigInteger.One << 256;

        Assert.Equal(OrderRefusal.InvalidTokenId, builder.BuildLimit(limit, OrderSide.Buy, 0.5m, 10m, Hundredth).Refusal);
        Assert.Equal(OrderRefusal.InvalidTokenId, builder.BuildMarket(-1, OrderSide.Buy, 10m, 0.5m, Hundredth).Refusal);
        Assert.Equal(limit - 1, builder.BuildLimit(limit - 1, OrderSide.Buy, 0.5m, 10m, Hundredth).Value.Order.TokenId);
    }

    [Fact]
    public void an_order_too_large_for_64_bit_amounts_is_refused_not_thrown()
    {
        using var signer = TestAccounts.Hardhat();
        var builder = new OrderBuilder(signer, new OrderBuilderOptions(137), new FixedClock(Now));

        Assert.Equal(OrderRefusal.AmountOutOfRange, builder.BuildLimit(1, OrderSide.Buy, 0.5m, 1e20m, Hundredth).Refusal);
        Assert.Equal(OrderRefusal.AmountOutOfRange, builder.BuildMarket(1, OrderSide.Buy, 1e15m, 0.01m, Hundredth).Refusal);
    }

    [Fact]
    public void builder_code_and_metadata_are_signed_into_the_order()
    {
        using var signer = TestAccounts.Hardhat();
        var code = Bytes32.Parse("0x" + string.Concat(Enumerable.Repeat("ab", 32)));
        var options = new OrderBuilderOptions(137, BuilderCode: code);
        var signed = new OrderBuilder(signer, options, new FixedClock(Now)).BuildLimit(1, OrderSide.Buy, 0.5m, 10m, Hundredth).Value;
        Assert.Equal(code, signed.Order.Builder);
        Assert.Equal(signer.Address, SignatureRecovery.RecoverAddress(signed.OrderHash.ToArray(), Hex.Decode(signed.Signature)));
    }

    [Fact]
    public void salts_are_random_and_below_two_to_the_53()
    {
        var salts = Enumerable.Range(0, 1000).Select(_ => OrderSalt.Next()).ToList();
        Assert.All(salts, salt => Assert.True(salt <= OrderSalt.MaxValue));
        Assert.True(salts.Distinct().Count() > 990);
        Assert.Contains(salts, salt => salt > (1UL << 50));
    }

    [Fact]
    public void post_body_has_the_reference_clients_shape()
    {
        using var signer = TestAccounts.Hardhat();
        var builder = new OrderBuilder(signer, new OrderBuilderOptions(137), new FixedClock(Now), () => 479_249_096_354);
        var signed = builder.BuildLimit(1234, OrderSide.Sell, 0.5m, 100m, Hundredth).Value;

        var body = PostOrderBody.Serialize(signed, "api-key-uuid", OrderType.Gtd, expirationSeconds: 1_790_000_000, postOnly: true);

        Assert.Equal(
            "{\"order\":{\"salt\":479249096354,\"maker\":\"0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266\","
            + "\"signer\":\"0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266\",\"tokenId\":\"1234\","
            + "\"makerAmount\":\"100000000\",\"takerAmount\":\"50000000\",\"side\":\"SELL\",\"expiration\":\"1790000000\","
            + "\"signatureType\":0,\"timestamp\":\"1780449126930\",\"metadata\":\"0x" + new string('0', 64) + "\","
            + "\"builder\":\"0x" + new string('0', 64) + "\",\"signature\":\"" + signed.Signature + "\"},"
            + "\"owner\":\"api-key-uuid\",\"orderType\":\"GTD\",\"deferExec\":false,\"postOnly\":true}",
            body);
        using var parsed = JsonDocument.Parse(body);
        Assert.Equal(JsonValueKind.Number, parsed.RootElement.GetProperty("order").GetProperty("salt").ValueKind);
    }

    [Fact]
    public void post_body_refuses_an_expiration_on_a_non_gtd_order_and_post_only_on_fok()
    {
        using var signer = TestAccounts.Hardhat();
        var signed = new OrderBuilder(signer, new OrderBuilderOptions(137), new FixedClock(Now)).BuildLimit(1, OrderSide.Buy, 0.5m, 10m, Hundredth).Value;
        Assert.Throws<ArgumentException>(() => PostOrderBody.Serialize(signed, "k", OrderType.Gtc, expirationSeconds: 1));
        Assert.Throws<ArgumentException>(() => PostOrderBody.Serialize(signed, "k", OrderType.Fok, postOnly: true));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
