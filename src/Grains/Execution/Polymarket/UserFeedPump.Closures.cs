using Microsoft.Extensions.Logging;
using Polytraders.Contracts;
using Polytraders.Polymarket.Clob;

namespace Polytraders.Grains.Execution.Polymarket;

/// <summary>The user feed's cancellations and expiries of our resting orders, handed to their order grains.</summary>
public sealed partial class UserFeedPump
{
    /// <summary>
    /// Orders not in the index are someone else's (or ours from before a restart, which reconcile against the venue's
    /// open orders when their grains activate). A hand-over that keeps failing is dropped with an error: the order stays
    /// open until the venue's open orders are next reconciled, which is safe (it only holds its reservation).
    /// </summary>
    private async Task HandOverClosureAsync(OrderUpdate closed, CancellationToken stoppingToken)
    {
        if (!submitted.TryGet(closed.OrderId, out var order))
        {
            return;
        }

        var code = closed.IsExpiry ? ReasonCodes.ExecOrderExpired : ReasonCodes.ExecOrderCancelled;
        var detail = $"the CLOB user feed reported order {closed.OrderId} {closed.Type} ({closed.Status ?? "no status"}), {closed.SizeMatched ?? 0m} of {closed.OriginalSize ?? 0m} matched";
        try
        {
            var known = await _retry.RunAsync(
                "CLOB user feed order closure",
                closed.OrderId,
                _ => grains.GetGrain<IOrderGrain>(order.ClientOrderId).OnVenueOrderClosed(code, detail),
                stoppingToken,
                maxAttempts: Attempts).ConfigureAwait(false);
            if (!known)
            {
                LogUnknownClosedOrder(closed.OrderId, order.ClientOrderId);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            LogClosureDropped(closed.OrderId, order.ClientOrderId, code, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "CLOB user feed closed order {OrderId} of {ClientOrderId}, which execution does not hold")]
    private partial void LogUnknownClosedOrder(string orderId, string clientOrderId);

    [LoggerMessage(Level = LogLevel.Error, Message = "CLOB user feed closure {ReasonCode} of order {OrderId} ({ClientOrderId}) could not be handed to execution; the order stays open until it is next reconciled")]
    private partial void LogClosureDropped(string orderId, string clientOrderId, string reasonCode, Exception exception);
}
