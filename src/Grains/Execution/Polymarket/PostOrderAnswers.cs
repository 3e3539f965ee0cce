using Polytraders.Contracts;
using Polytraders.Polymarket.Clob;
using Polytraders.Polymarket.Orders;
using Polytraders.Trading.Venues;

namespace Polytraders.Grains.Execution.Polymarket;

/// <summary>
/// A POST /order answer → <see cref="VenueAnswer"/>: matched → one MATCHED fill with the matched amounts (shares and
/// pUSD, see <see cref="ResponseAmounts"/>; price = pUSD / shares); live, delayed, unmatched → accepted without fills;
/// not successful → refused with the venue's message.
/// </summary>
public static class PostOrderAnswers
{
    /// <summary>Decimal places kept on an average fill price.</summary>
    public const int PriceDecimals = 6;

    /// <summary>"live" or "delayed": the order (a GTC/GTD one) is on the book, or about to be, with nothing matched yet.</summary>
    public static bool IsResting(PostOrderResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.Success
            && (string.Equals(response.Status, PostOrderStatus.Live, StringComparison.OrdinalIgnoreCase)
                || string.Equals(response.Status, PostOrderStatus.Delayed, StringComparison.OrdinalIgnoreCase));
    }

    public static VenueAnswer ToVenueAnswer(PostOrderResponse response, SubmittedOrder order, OrderV2 signed, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(signed);
        if (!response.Success || (!string.IsNullOrEmpty(response.ErrorMsg) && response.Status is not (PostOrderStatus.Matched or PostOrderStatus.Live or PostOrderStatus.Delayed)))
        {
            return VenueAnswer.Refused(ReasonCodes.ExecOrderRejectedByVenue, string.IsNullOrWhiteSpace(response.ErrorMsg) ? "the venue did not accept the order" : response.ErrorMsg);
        }

        if (!string.Equals(response.Status, PostOrderStatus.Matched, StringComparison.OrdinalIgnoreCase))
        {
            return VenueAnswer.Filled([]);
        }

        var making = ResponseAmounts.ToUnits(response.MakingAmount, signed.MakerAmount);
        var taking = ResponseAmounts.ToUnits(response.TakingAmount, signed.TakerAmount);

        // BUY gives pUSD (making) for shares (taking); SELL gives shares (making) for pUSD (taking).
        var (shares, pusd) = order.Side == Side.Buy ? (taking, making) : (making, taking);
        if (shares <= 0 || pusd <= 0)
        {
            return VenueAnswer.Filled([]);
        }

        var tradeIds = response.TradeIds ?? [];
        // One trade: the id the user feed will use for the same fill; several: one aggregate per order.
        var fillId = tradeIds.Count == 1 ? TradeFillMapper.FillIdOf(tradeIds[0], response.OrderId ?? order.OrderHash) : $"{response.OrderId ?? order.OrderHash}:post";
        var fill = order.FillOf(fillId, shares, Math.Round(pusd / shares, PriceDecimals, MidpointRounding.ToEven), now, FillStatus.Matched);
        return VenueAnswer.Filled([fill]);
    }
}
