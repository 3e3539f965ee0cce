using Microsoft.Extensions.Logging;
using Polytraders.Contracts;

namespace Polytraders.Grains.Execution;

/// <summary>Fills the venue reports after the order was answered (the user websocket): booked once, statuses audited.</summary>
public sealed partial class OrderGrain
{
    public async Task<bool> OnVenueFill(Fill fill)
    {
        ArgumentNullException.ThrowIfNull(fill);
        if (state.State.Record is not { Context: not null, Order: not null } record || fill.ClientOrderId != ClientOrderId)
        {
            LogUnknownFill(fill.FillId, fill.ClientOrderId);
            return false;
        }

        // Whatever an earlier step decided goes out first, in order.
        await Deliver(record);
        var index = record.Fills.FindIndex(f => f.FillId == fill.FillId);
        if (index < 0)
        {
            if (fill.Status == FillStatus.Failed)
            {
                // A trade we never booked failed to settle: nothing to report onward, only to audit.
                record.Fills.Add(fill);
                record.Outbox.Add(Plan(ReasonCodes.ExecFillFailed, new AuditPayload { Kind = AuditPayloadKind.Fill, Fill = fill, Detail = "settlement failed before the fill was booked; not booked" }));
            }
            else if (record.AggregateUnattributed >= fill.Size)
            {
                // The venue's answer already booked these shares in one aggregate fill; this is one of its trades.
                record.AggregateUnattributed -= fill.Size;
                record.Fills.Add(fill);
                record.CoveredFillIds.Add(fill.FillId);
                if (StatusCode(fill.Status) is { } covered)
                {
                    record.Outbox.Add(Plan(covered, new AuditPayload { Kind = AuditPayloadKind.Fill, Fill = fill, Detail = "a trade of the aggregate fill the venue answered with" }));
                }
            }
            else
            {
                AddFill(record, fill);
                if (record.Status == ExecutionStatus.Open && record.FilledSize >= record.Intent.Size)
                {
                    record.Status = ExecutionStatus.Submitted;
                }
            }
        }
        else
        {
            var known = record.Fills[index];
            if (Rank(fill.Status) <= Rank(known.Status) || known.Status is FillStatus.Confirmed or FillStatus.Failed)
            {
                // A repeat, or a status older than the one recorded (feeds may reorder): nothing new.
                return true;
            }

            record.Fills[index] = known with { Status = fill.Status };
            var detail = fill.Status == FillStatus.Failed
                ? "settlement failed after the fill was booked; the position needs an operator's correction"
                : null;
            record.Outbox.Add(Plan(StatusCode(fill.Status)!, new AuditPayload { Kind = AuditPayloadKind.Fill, Fill = record.Fills[index], Detail = detail }));
            if (fill.Status == FillStatus.Failed)
            {
                LogFillFailed(fill.FillId, fill.ClientOrderId);
            }
        }

        await state.WriteStateAsync();
        await Deliver(record);
        await SettledAsync(record);
        return true;
    }

    /// <summary>A new fill: recorded, audited as EXEC_ORDER_FILLED and queued for reporting onward, in the caller's next write.</summary>
    private void AddFill(ExecutionRecord record, Fill fill)
    {
        record.Fills.Add(fill);
        record.Unreported.Add(fill);
        record.Outbox.Add(Plan(ReasonCodes.ExecOrderFilled, new AuditPayload { Kind = AuditPayloadKind.Fill, Fill = fill }));
    }

    /// <summary>Settlement progress: a later status replaces an earlier one, never the reverse.</summary>
    private static int Rank(FillStatus status) => status switch
    {
        FillStatus.Matched => 0,
        FillStatus.Retrying => 1,
        FillStatus.Mined => 2,
        _ => 3,
    };

    /// <summary>The reason code that audits a fill reaching <paramref name="status"/> after MATCHED.</summary>
    private static string? StatusCode(FillStatus status) => status switch
    {
        FillStatus.Mined => ReasonCodes.ExecFillMined,
        FillStatus.Confirmed => ReasonCodes.ExecFillConfirmed,
        FillStatus.Retrying => ReasonCodes.ExecFillRetrying,
        FillStatus.Failed => ReasonCodes.ExecFillFailed,
        _ => null,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Venue fill {FillId} names client order id {ClientOrderId}, which no order grain holds; ignored")]
    private partial void LogUnknownFill(string fillId, string clientOrderId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Fill {FillId} of order {ClientOrderId} failed to settle after it was booked; the position needs an operator's correction")]
    private partial void LogFillFailed(string fillId, string clientOrderId);
}
