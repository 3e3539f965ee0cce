using Microsoft.Extensions.Logging;
using Polytraders.Contracts;
using Polytraders.Polymarket.Clob;
using Polytraders.Trading.Venues;

namespace Polytraders.Grains.Execution;

/// <summary>
/// A resting order the venue took off its book: a cancellation or a GTD expiry on its user feed, or, after a restart,
/// its absence from the venue's open orders. It is closed as EXEC_ORDER_CANCELLED or EXEC_ORDER_EXPIRED: the Strategy
/// hears it and risk's reservation is released. Fills it had stay booked, and trades of it still arriving book as usual.
/// </summary>
public sealed partial class OrderGrain
{
    public async Task<bool> OnVenueOrderClosed(string reasonCode, string detail)
    {
        if (reasonCode is not (ReasonCodes.ExecOrderCancelled or ReasonCodes.ExecOrderExpired))
        {
            throw new ArgumentException($"{reasonCode} does not close an order the venue took off its book.", nameof(reasonCode));
        }

        if (state.State.Record is not { Context: not null, Order: not null } record)
        {
            LogUnknownClosure(ClientOrderId, reasonCode);
            return false;
        }

        await Deliver(record);
        if (record.Status == ExecutionStatus.Open)
        {
            // Anything else is done already, or still awaits its POST answer, which decides it.
            await CloseOffTheBook(record, reasonCode, detail);
        }

        return true;
    }

    /// <summary>
    /// After a restart, an order this grain holds open is checked against the venue (<see cref="IVenueOrderLookup"/>:
    /// the account's open orders, then the order by id, and its trades): the trades book as feed fills would, and an
    /// order the venue no longer holds is closed, expired if its GTD expiration has passed, else cancelled. A venue that
    /// cannot be asked leaves it open for the feed, or the next activation, to settle.
    /// </summary>
    private async Task ReconcileOpenAsync()
    {
        if (state.State.Record is not { Status: ExecutionStatus.Open, Context: not null, Order: not null } record || venue is not IVenueOrderLookup lookup)
        {
            return;
        }

        try
        {
            await Deliver(record);
            var found = await lookup.FindAsync(record.Order, record.Intent, CancellationToken.None);
            var changed = false;
            foreach (var fill in found?.Fills ?? [])
            {
                changed |= Merge(record, fill);
            }

            if (found is { Resting: true } || record.Status != ExecutionStatus.Open)
            {
                if (changed)
                {
                    await state.WriteStateAsync();
                    await Deliver(record);
                    await SettledAsync(record);
                }

                return;
            }

            var expired = GtdExpiry.HasExpired(record.Order.Expiration ?? 0, time.GetUtcNow());
            var detail = $"the {venue.Name} venue no longer lists order {record.Order.OrderHash} among the account's open orders";
            await CloseOffTheBook(record, expired ? ReasonCodes.ExecOrderExpired : ReasonCodes.ExecOrderCancelled, detail);
            LogReconciled(ClientOrderId, record.Status, record.OutcomeCode ?? "done");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogReconcileFailed(ClientOrderId, e);
        }
    }

    /// <summary>Closes an open order the venue no longer holds, in one write with whatever fills came with the news.</summary>
    private Task CloseOffTheBook(ExecutionRecord record, string reasonCode, string detail)
    {
        var full = $"{detail}; {record.FilledSize} of {record.Intent.Size} filled, the rest released";
        return Close(record, ExecutionStatus.Submitted, reasonCode, full, new AuditPayload { Kind = AuditPayloadKind.Order, Order = record.Order, Detail = full });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {ClientOrderId}: the venue closed it ({ReasonCode}), but this grain holds no order; ignored")]
    private partial void LogUnknownClosure(string clientOrderId, string reasonCode);
}
