using System.Numerics;
using Polytraders.Polymarket.Crypto;
using Polytraders.Polymarket.Signing;

namespace Polytraders.Polymarket.Orders;

/// <summary>
/// Turns a trading intent into a signed CTF Exchange V2 order: amounts (with refusals), salt,
/// timestamp, maker/signer resolution, hash and signature. Deterministic given the clock and the
/// salt source, both injectable.
/// </summary>
public sealed class OrderBuilder
{
    private readonly EthereumSigner _signer;
    private readonly OrderBuilderOptions _options;
    private readonly TimeProvider _clock;
    private readonly Func<ulong> _nextSalt;
    private readonly EthereumAddress _maker;
    private readonly EthereumAddress _orderSigner;

    public OrderBuilder(EthereumSigner signer, OrderBuilderOptions options, TimeProvider clock, Func<ulong>? nextSalt = null)
    {
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        _signer = signer;
        _options = options;
        _clock = clock;
        _nextSalt = nextSalt ?? OrderSalt.Next;
        _ = CtfExchangeV2.Domain(options.ChainId, negRisk: false); // fail at construction on an unsupported chain

        // Maker is the funder; the signer is the EOA except for deposit wallets, which sign as
        // themselves (OrderBuilder._v2_order_signer in py-clob-client-v2 order_builder/builder.py).
        _maker = options.Funder ?? signer.Address;
        _orderSigner = options.SignatureType == OrderSignatureType.Poly1271
            ? options.Funder ?? throw new ArgumentException("POLY_1271 orders need the deposit wallet as Funder.", nameof(options))
            : signer.Address;
    }

    /// <summary>A signed limit order (GTC/GTD) for <paramref name="size"/> shares at <paramref name="price"/>.</summary>
    public OrderResult<SignedOrderV2> BuildLimit(BigInteger tokenId, OrderSide side, decimal price, decimal size, MarketRules rules) =>
        OrderPricing.ForLimit(side, price, size, rules).Map(amounts => Sign(tokenId, amounts, rules));

    /// <summary>A signed market order (FOK/FAK): BUY spends <paramref name="amount"/> pUSD, SELL sells <paramref name="amount"/> shares.</summary>
    public OrderResult<SignedOrderV2> BuildMarket(BigInteger tokenId, OrderSide side, decimal amount, decimal price, MarketRules rules) =>
        OrderPricing.ForMarket(side, amount, price, rules).Map(amounts => Sign(tokenId, amounts, rules));

    private SignedOrderV2 Sign(BigInteger tokenId, OrderAmounts amounts, MarketRules rules)
    {
        var order = new OrderV2(
            Salt: _nextSalt(),
            Maker: _maker,
            Signer: _orderSigner,
            TokenId: tokenId,
            MakerAmount: amounts.MakerAmount,
            TakerAmount: amounts.TakerAmount,
            Side: amounts.Side,
            SignatureType: _options.SignatureType,
            TimestampMs: (ulong)_clock.GetUtcNow().ToUnixTimeMilliseconds(),
            Metadata: _options.Metadata,
            Builder: _options.BuilderCode);
        return OrderSigning.Sign(order, CtfExchangeV2.Domain(_options.ChainId, rules.NegRisk), _signer);
    }
}
