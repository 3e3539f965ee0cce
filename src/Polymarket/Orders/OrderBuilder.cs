using System.Numerics;
using Polytraders.Polymarket.Crypto;
using Polytraders.Polymarket.Signing;

namespace Polytraders.Polymarket.Orders;

/// <summary>
/// Turns a trading intent into a signed CTF Exchange V2 order: amounts (with refusals), salt,
/// timestamp, maker/signer resolution, hash and signature. Deterministic given the clock and the
/// salt source, both injectable. No value makes it throw: an input the venue would reject, or an
/// account it cannot sign for, is a refusal; only null arguments and an unsupported chain (a
/// configuration error, caught at construction) throw.
/// </summary>
public sealed class OrderBuilder
{
    /// <summary>2^256: token ids are uint256 position ids.</summary>
    private static readonly BigInteger TokenIdLimit = BigInteger.One << 256;

    private readonly EthereumSigner _signer;
    private readonly OrderBuilderOptions _options;
    private readonly TimeProvider _clock;
    private readonly Func<ulong> _nextSalt;
    private readonly OrderResult<(EthereumAddress Maker, EthereumAddress Signer)> _account;

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
        _account = ResolveAccount(options, signer.Address);
    }

    /// <summary>A signed limit order (GTC/GTD) for <paramref name="size"/> shares at <paramref name="price"/>.</summary>
    public OrderResult<SignedOrderV2> BuildLimit(BigInteger tokenId, OrderSide side, decimal price, decimal size, MarketRules rules) =>
        Build(tokenId, rules, OrderPricing.ForLimit(side, price, size, rules));

    /// <summary>A signed market order (FOK/FAK): BUY spends <paramref name="amount"/> pUSD, SELL sells <paramref name="amount"/> shares.</summary>
    public OrderResult<SignedOrderV2> BuildMarket(BigInteger tokenId, OrderSide side, decimal amount, decimal price, MarketRules rules) =>
        Build(tokenId, rules, OrderPricing.ForMarket(side, amount, price, rules));

    // The account is checked first: a misconfigured account refuses every order the same way, whatever its price.
    private OrderResult<SignedOrderV2> Build(BigInteger tokenId, MarketRules rules, OrderResult<OrderAmounts> amounts) =>
        _account.Then(account => tokenId.Sign >= 0 && tokenId < TokenIdLimit
            ? amounts.Map(a => Sign(account.Maker, account.Signer, tokenId, a, rules))
            : OrderResult<SignedOrderV2>.Refused(OrderRefusal.InvalidTokenId, $"Token id {tokenId} is not a uint256."));

    /// <summary>
    /// Maker is the funder; the signer is the EOA except for deposit wallets, which sign as
    /// themselves (OrderBuilder._v2_order_signer in py-clob-client-v2 order_builder/builder.py).
    /// </summary>
    private static OrderResult<(EthereumAddress, EthereumAddress)> ResolveAccount(OrderBuilderOptions options, EthereumAddress eoa) =>
        options.SignatureType switch
        {
            OrderSignatureType.Poly1271 when options.Funder is { } wallet => OrderResult<(EthereumAddress, EthereumAddress)>.Success((wallet, wallet)),
            OrderSignatureType.Poly1271 => OrderResult<(EthereumAddress, EthereumAddress)>.Refused(
                OrderRefusal.FunderRequired, "POLY_1271 (deposit wallet) orders need the deposit wallet as funder."),
            OrderSignatureType.Eoa or OrderSignatureType.PolyProxy or OrderSignatureType.PolyGnosisSafe =>
                OrderResult<(EthereumAddress, EthereumAddress)>.Success((options.Funder ?? eoa, eoa)),
            _ => OrderResult<(EthereumAddress, EthereumAddress)>.Refused(
                OrderRefusal.InvalidSignatureType, $"Signature type {(byte)options.SignatureType} is not one the exchange verifies (0–3)."),
        };

    private SignedOrderV2 Sign(EthereumAddress maker, EthereumAddress orderSigner, BigInteger tokenId, OrderAmounts amounts, MarketRules rules)
    {
        var order = new OrderV2(
            Salt: _nextSalt(),
            Maker: maker,
            Signer: orderSigner,
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
