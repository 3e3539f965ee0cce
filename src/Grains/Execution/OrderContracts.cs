using System.Globalization;
using Polytraders.Contracts;
using Polytraders.Polymarket.Orders;

namespace Polytraders.Grains.Execution;

/// <summary>Maps between the venue layer's order types and the audited Order / Market contracts.</summary>
public static class OrderContracts
{
    public static Order ToContract(SignedOrderV2 signed, OrderIntent intent, bool negRisk, long chainId, string signerLabel)
    {
        var order = signed.Order;
        return new Order
        {
            ClientOrderId = intent.ClientOrderId,
            OrderHash = signed.OrderHash.ToString(),
            Salt = order.Salt.ToString(CultureInfo.InvariantCulture),
            Maker = order.Maker.ToString(),
            Signer = order.Signer.ToString(),
            TokenId = order.TokenId.ToString(CultureInfo.InvariantCulture),
            MakerAmount = order.MakerAmount.ToString(CultureInfo.InvariantCulture),
            TakerAmount = order.TakerAmount.ToString(CultureInfo.InvariantCulture),
            Side = order.Side == OrderSide.Buy ? Side.Buy : Side.Sell,
            SignatureType = (long)order.SignatureType,
            TimestampMs = (long)order.TimestampMs,
            Metadata = order.Metadata.ToString(),
            Builder = order.Builder.ToString(),
            Signature = signed.Signature,
            ChainId = chainId,
            VerifyingContract = CtfExchangeV2.VerifyingContract(negRisk).ToString(),
            NegRisk = negRisk,
            OrderType = intent.TimeInForce,
            SignerLabel = signerLabel,
        };
    }

    public static OrderResult<MarketRules> RulesOf(Market market) =>
        TickSize.From(market.TickSize).Map(tick => new MarketRules(tick, market.MinOrderSize, market.NegRisk));

    public static OrderSide SideOf(Side side) => side == Side.Buy ? OrderSide.Buy : OrderSide.Sell;
}
