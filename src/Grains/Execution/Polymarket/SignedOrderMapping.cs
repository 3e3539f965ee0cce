using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Numerics;
using Polytraders.Contracts;
using Polytraders.Polymarket.Crypto;
using Polytraders.Polymarket.Orders;

namespace Polytraders.Grains.Execution.Polymarket;

/// <summary>
/// The inverse of <see cref="OrderContracts.ToContract"/>: the audited Order contract back to the signed struct the
/// CLOB expects, plus its time in force. Nothing is re-signed; a contract that does not parse is refused.
/// </summary>
public static class SignedOrderMapping
{
    /// <summary>The signed order, or false with why the contract does not parse.</summary>
    public static bool TryToSigned(Order order, [NotNullWhen(true)] out SignedOrderV2? signed, [NotNullWhen(false)] out string? refusal)
    {
        ArgumentNullException.ThrowIfNull(order);
        try
        {
            signed = new SignedOrderV2(
                new OrderV2(
                    Salt: ulong.Parse(order.Salt, NumberStyles.None, CultureInfo.InvariantCulture),
                    Maker: EthereumAddress.Parse(order.Maker),
                    Signer: EthereumAddress.Parse(order.Signer),
                    TokenId: BigInteger.Parse(order.TokenId, NumberStyles.None, CultureInfo.InvariantCulture),
                    MakerAmount: ulong.Parse(order.MakerAmount, NumberStyles.None, CultureInfo.InvariantCulture),
                    TakerAmount: ulong.Parse(order.TakerAmount, NumberStyles.None, CultureInfo.InvariantCulture),
                    Side: order.Side == Side.Buy ? OrderSide.Buy : OrderSide.Sell,
                    SignatureType: checked((OrderSignatureType)(byte)order.SignatureType),
                    TimestampMs: checked((ulong)order.TimestampMs),
                    Metadata: Bytes32.Parse(order.Metadata),
                    Builder: Bytes32.Parse(order.Builder)),
                order.Signature,
                Bytes32.Parse(order.OrderHash));
            refusal = null;
            return true;
        }
        catch (Exception ex) when (ex is FormatException or OverflowException or ArgumentException)
        {
            signed = null;
            refusal = $"Order {order.ClientOrderId} does not map to a CLOB order: {ex.GetType().Name}.";
            return false;
        }
    }

    public static OrderType OrderTypeOf(TimeInForce timeInForce) => timeInForce switch
    {
        TimeInForce.Gtc => OrderType.Gtc,
        TimeInForce.Gtd => OrderType.Gtd,
        TimeInForce.Fok => OrderType.Fok,
        TimeInForce.Fak => OrderType.Fak,
        _ => throw new ArgumentOutOfRangeException(nameof(timeInForce), timeInForce, "Unknown time in force."),
    };
}
