using Microsoft.Extensions.Logging;
using Polytraders.Contracts;
using Polytraders.Trading.Venues;

namespace Polytraders.Grains.Execution;

/// <summary>What a restart finds half done: records left before their final status are finished, never repeated.</summary>
public sealed partial class ExecutionGrain
{
    /// <summary>Finishes every record a crash left pending, oldest first. A record that fails stays pending for the next try.</summary>
    private async Task ReconcileAsync()
    {
        var pending = state.State.Orders.Values.Where(r => r.IsPending).OrderBy(r => r.AcceptedAt).ToList();
        if (pending.Count == 0)
        {
            return;
        }

        LogReconciling(pending.Count);
        foreach (var record in pending)
        {
            if (record.Context is null)
            {
                LogCannotReconcile(record.Intent.ClientOrderId, record.Status);
                continue;
            }

            try
            {
                var result = await Advance(record, recovering: true);
                LogReconciled(record.Intent.ClientOrderId, record.Status, result.ReasonCode ?? "done");
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogReconcileFailed(record.Intent.ClientOrderId, e);
            }
        }
    }

    /// <summary>Re-registers orders whose fills or fill statuses may still arrive on the venue's feed (its index is in memory).</summary>
    private void TrackOpenOrders()
    {
        if (venue is not IVenueOrderTracking tracking)
        {
            return;
        }

        foreach (var record in state.State.Orders.Values)
        {
            if (record.Order is not null && (record.Status == ExecutionStatus.Open || record.Fills.Exists(f => f.Status is not (FillStatus.Confirmed or FillStatus.Failed))))
            {
                tracking.Track(record.Order, record.Intent);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Execution: reconciling {Count} order(s) a restart left pending")]
    private partial void LogReconciling(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Execution: order {ClientOrderId} reconciled, now {Status} ({Outcome})")]
    private partial void LogReconciled(string clientOrderId, ExecutionStatus status, string outcome);

    [LoggerMessage(Level = LogLevel.Error, Message = "Execution: order {ClientOrderId} could not be reconciled; it stays pending for the next attempt")]
    private partial void LogReconcileFailed(string clientOrderId, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Execution: order {ClientOrderId} left {Status} by an older build has no audit context; an operator must close it")]
    private partial void LogCannotReconcile(string clientOrderId, ExecutionStatus status);
}
