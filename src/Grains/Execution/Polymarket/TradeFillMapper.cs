using Polytraders.Contracts;
using Polytraders.Polymarket.Clob;

namespace Polytraders.Grains.Execution.Polymarket;

/// <summary>
/// A CLOB trade → the <see cref="Fill"/>s of our orders in it. We may be the taker (taker_order_id) and/or a maker
/// (an entry of maker_orders with its matched_amount and price). Orders not in <see cref="SubmittedOrderIndex"/> are
/// someone else's, or ours from before a restart, and give no fill here. Fill ids are "{trade id}:{order id}", so
/// every status of a trade updates the same fill.
/// </summary>
public static class TradeFillMapper
{
    public static string FillIdOf(string tradeId, string orderId) => $"{tradeId}:{orderId}";

    /// <summary>MATCHED, MINED, CONFIRMED, RETRYING, FAILED (any case) → the Fill status; anything else → null.</summary>
    public static FillStatus? StatusOf(string? status) => status?.ToUpperInvariant() switch
    {
        "MATCHED" => FillStatus.Matched,
        "MINED" => FillStatus.Mined,
        "CONFIRMED" => FillStatus.Confirmed,
        "RETRYING" => FillStatus.Retrying,
        "FAILED" => FillStatus.Failed,
        _ => null,
    };

    public static IReadOnlyList<Fill> FillsOf(ClobTrade trade, SubmittedOrderIndex index, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(trade);
        ArgumentNullException.ThrowIfNull(index);
        if (StatusOf(trade.Status) is not { } status || string.IsNullOrEmpty(trade.Id))
        {
            return [];
        }

        var at = trade.MatchedAtSeconds is { } seconds and > 0 ? DateTimeOffset.FromUnixTimeSeconds(seconds) : receivedAt;
        var fills = new List<Fill>();
        if (index.TryGet(trade.TakerOrderId, out var taker) && trade.Size > 0)
        {
            fills.Add(FillOf(trade, taker, trade.Size, trade.Price, status, at));
        }

        foreach (var maker in trade.MakerOrders)
        {
            if (index.TryGet(maker.OrderId, out var ours) && maker.MatchedAmount > 0)
            {
                fills.Add(FillOf(trade, ours, maker.MatchedAmount, maker.Price, status, at));
            }
        }

        return fills;
    }

    private static Fill FillOf(ClobTrade trade, SubmittedOrder order, decimal size, decimal price, FillStatus status, DateTimeOffset at) =>
        order.FillOf(FillIdOf(trade.Id, order.OrderHash), size, price, at, status);
}
