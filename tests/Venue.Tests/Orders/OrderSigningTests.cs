using System.Numerics;
using Polytraders.Polymarket.Crypto;
using Polytraders.Polymarket.Orders;
using Polytraders.Polymarket.Signing;

namespace Polytraders.Venue.Tests.Orders;

public class OrderSigningTests
{
    private static readonly EthereumAddress DepositWallet = EthereumAddress.Parse("0x1111111111111111111111111111111111111111");

    private static OrderV2 FixtureOrder(EthereumAddress maker, EthereumAddress signer, OrderSignatureType type, ulong timestampMs) => new(
        Salt: 479_249_096_354,
        Maker: maker,
        Signer: signer,
        TokenId: 1234,
        MakerAmount: 100_000_000,
        TakerAmount: 50_000_000,
        Side: OrderSide.Buy,
        SignatureType: type,
        TimestampMs: timestampMs,
        Metadata: Bytes32.Zero,
        Builder: Bytes32.Zero);

    [Fact]
    public void order_type_string_is_the_v2_exchange_typehash_preimage()
    {
        Assert.Equal(
            "Order(uint256 salt,address maker,address signer,uint256 tokenId,uint256 makerAmount,uint256 takerAmount,uint8 side,uint8 signatureType,uint256 timestamp,bytes32 metadata,bytes32 builder)",
            CtfExchangeV2.OrderTypes.EncodeType(CtfExchangeV2.OrderTypeName));
    }

    // py-clob-client-v2 tests/order_utils/test_exchange_order_builder_v2.py (the TypeScript client's
    // vector): deposit wallet order on Amoy against the V2 exchange.
    [Fact]
    public void deposit_wallet_signature_matches_the_reference_vector()
    {
        using var owner = TestAccounts.Hardhat();
        var order = FixtureOrder(DepositWallet, DepositWallet, OrderSignatureType.Poly1271, 1_710_000_000_000);
        var signed = OrderSigning.Sign(order, CtfExchangeV2.Domain(CtfExchangeV2.AmoyChainId, negRisk: false), owner);

        Assert.Equal(
            "0xa3a093c83b6c20c83355c16ce94c92e6e9fcbdeb840618cc74f6c57a42ad145b"
            + "2b98db73d2c73cbf1f2b6af288566ae81960ddbc3a13921027358a8bff3be6ff1c"
            + "a440cbd865bc0c6243d7a8df9a8bf48a8827b0a4abbb61c30e96d305423af148"
            + "d23d42d3ad94e65d78258cecaf8dcbaddac0f73dc085040f2c12bb595dd83804"
            + "4f726465722875696e743235362073616c742c61646472657373206d616b65722c"
            + "61646472657373207369676e65722c75696e7432353620746f6b656e49642c75"
            + "696e74323536206d616b6572416d6f756e742c75696e743235362074616b6572"
            + "416d6f756e742c75696e743820736964652c75696e7438207369676e61747572"
            + "65547970652c75696e743235362074696d657374616d702c6279746573333220"
            + "6d657461646174612c62797465733332206275696c6465722900ba",
            signed.Signature);
        Assert.Equal("0x2afca94626db91b2d556c351584a4cd93e13da32e377dc48c7983e43afa5ab47", signed.OrderHash.ToString());
    }

    // Cross-implementation vectors (third-party Java client, generated through py-clob-client-v2's
    // ExchangeOrderBuilderV2): EOA order on Polygon, timestamp 1_700_000_000_000.
    [Theory]
    [InlineData(false, "0x2c4f653403e777a5c37576868ba70200858e75bbc7f0d187a2ff11e5d5380e91", "0x808bcc18d94bfe59daf619655ab83ff5701a82c0685255a7e3aeeeff7a7f83501984f86f573ef685b749c11eeacc57ead0c148a58b5460ee4a1c45708a290c511c")]
    [InlineData(true, "0xb90ca1eda493daa14975a635e0b002ddefc2ba80a7784fdac3c0a7a7da2cebb4", "0xd5548fea0af1e86997a7bb873e8372fa6fb2e881ea00bcd9fc86f8223a5dc933702b3418c8b4d1ef569b2f7171a4a1b8bd8690f3adc10715f38b5fb0de3b42641c")]
    public void eoa_order_hash_and_signature_match_the_python_client(bool negRisk, string orderHash, string signature)
    {
        using var signer = TestAccounts.Hardhat();
        var order = FixtureOrder(signer.Address, signer.Address, OrderSignatureType.Eoa, 1_700_000_000_000);
        var signed = OrderSigning.Sign(order, CtfExchangeV2.Domain(CtfExchangeV2.PolygonChainId, negRisk), signer);

        Assert.Equal(orderHash, signed.OrderHash.ToString());
        Assert.Equal(signature, signed.Signature);
    }

    [Fact]
    public void neg_risk_orders_are_signed_for_the_neg_risk_exchange()
    {
        Assert.Equal(CtfExchangeV2.NegRiskExchange, CtfExchangeV2.Domain(CtfExchangeV2.PolygonChainId, negRisk: true).VerifyingContract);
        Assert.Equal(CtfExchangeV2.Exchange, CtfExchangeV2.Domain(CtfExchangeV2.PolygonChainId, negRisk: false).VerifyingContract);
        Assert.Equal("Polymarket CTF Exchange", CtfExchangeV2.Domain(CtfExchangeV2.AmoyChainId, negRisk: false).Name);
        Assert.Equal("2", CtfExchangeV2.Domain(CtfExchangeV2.AmoyChainId, negRisk: false).Version);
    }

    [Fact]
    public void an_unsupported_chain_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CtfExchangeV2.Domain(1, negRisk: false));
    }

    [Fact]
    public void order_hash_is_the_digest_the_signature_recovers_to()
    {
        using var signer = TestAccounts.Hardhat();
        var order = FixtureOrder(signer.Address, signer.Address, OrderSignatureType.Eoa, 1_700_000_000_000) with { TokenId = BigInteger.Parse("71321045679252212594626385532706912750332728571942532289631379312455583992563") };
        var domain = CtfExchangeV2.Domain(CtfExchangeV2.PolygonChainId, negRisk: false);
        var signed = OrderSigning.Sign(order, domain, signer);

        Assert.Equal(OrderSigning.ComputeOrderHash(order, domain), signed.OrderHash);
        Assert.Equal(signer.Address, SignatureRecovery.RecoverAddress(signed.OrderHash.ToArray(), Hex.Decode(signed.Signature)));
    }

    [Fact]
    public void proxy_wallet_orders_carry_the_eoa_signature_with_the_proxy_as_maker()
    {
        using var signer = TestAccounts.Hardhat();
        var order = FixtureOrder(DepositWallet, signer.Address, OrderSignatureType.PolyProxy, 1_700_000_000_000);
        var signed = OrderSigning.Sign(order, CtfExchangeV2.Domain(CtfExchangeV2.PolygonChainId, negRisk: false), signer);
        Assert.Equal(132, signed.Signature.Length);
        Assert.Equal(signer.Address, SignatureRecovery.RecoverAddress(signed.OrderHash.ToArray(), Hex.Decode(signed.Signature)));
    }

    [Fact]
    public void an_eoa_order_naming_another_signer_is_refused()
    {
        using var signer = TestAccounts.Hardhat();
        var order = FixtureOrder(DepositWallet, DepositWallet, OrderSignatureType.Eoa, 1_700_000_000_000);
        Assert.Throws<ArgumentException>(() => OrderSigning.Sign(order, CtfExchangeV2.Domain(CtfExchangeV2.PolygonChainId, negRisk: false), signer));
    }

    [Fact]
    public void native_and_managed_signers_produce_the_same_signed_order()
    {
        using var native = TestAccounts.Hardhat(new NativeSecp256k1());
        using var managed = TestAccounts.Hardhat(new ManagedSecp256k1());
        var order = FixtureOrder(native.Address, native.Address, OrderSignatureType.Eoa, 1_700_000_000_000);
        var domain = CtfExchangeV2.Domain(CtfExchangeV2.AmoyChainId, negRisk: true);
        Assert.Equal(OrderSigning.Sign(order, domain, native), OrderSigning.Sign(order, domain, managed));
    }
}
