using Microsoft.Extensions.Logging;
using Polytraders.Contracts;

namespace Polytraders.Grains.Execution;

/// <summary>
/// Fills the venue reports after the order was answered (the user websocket): booked once, statuses audited, and a
/// booked fill whose settlement failed reversed once.
/// </summary>
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
        if (!Merge(record, fill))
        {
            return true;
        }

        await state.WriteStateAsync();
        await Deliver(record);
        await SettledAsync(record);
        return true;
    }

    /// <summary>
    /// Records what <paramref name="fill"/> (a new fill, or a later status of a known one) changes, with its envelopes and
    /// onward reports, for the caller's next write; false when it changes nothing (a repeat, or an older status).
    /// </summary>
    private bool Merge(ExecutionRecord record, Fill fill)
    {
        var index = record.Fills.FindIndex(f => f.FillId == fill.FillId);
        if (index >= 0)
        {
            return Advance(record, index, fill.Status);
        }

        if (record.AggregateUnattributed >= fill.Size)
        {
            // The venue's answer already booked these shares in one aggregate fill; this is one of its trades.
            record.AggregateUnattributed -= fill.Size;
            record.Fills.Add(fill);
            record.CoveredFillIds.Add(fill.FillId);
            if (StatusCode(fill.Status) is { } covered)
            {
                record.Outbox.Add(Plan(covered, new AuditPayload { Kind = AuditPayloadKind.Fill, Fill = fill, Detail = "a trade of the aggregate fill the venue answered with" }));
            }

            if (fill.Status == FillStatus.Failed)
            {
                Reverse(record, fill);
            }
        }
        else if (fill.Status == FillStatus.Failed)
        {
            RecordUnbooked(record, fill);
        }
        else
        {
            AddFill(record, fill);
            if (record.Status == ExecutionStatus.Open && record.FilledSize >= record.Intent.Size)
            {
                record.Status = ExecutionStatus.Submitted;
            }
        }

        return true;
    }

    /// <summary>A later settlement status of a known fill; a FAILED one that was booked is reversed onward, once.</summary>
    private bool Advance(ExecutionRecord record, int index, FillStatus status)
    {
        var known = record.Fills[index];
        if (Rank(status) <= Rank(known.Status) || known.Status is FillStatus.Confirmed or FillStatus.Failed)
        {
            // A repeat, or a status older than the one recorded (feeds may reorder): nothing new.
            return false;
        }

        record.Fills[index] = known with { Status = status };
        var detail = status == FillStatus.Failed ? "settlement failed after the fill was booked; reversed" : null;
        record.Outbox.Add(Plan(StatusCode(status)!, new AuditPayload { Kind = AuditPayloadKind.Fill, Fill = record.Fills[index], Detail = detail }));
        if (status == FillStatus.Failed)
        {
            Reverse(record, record.Fills[index]);
        }

        return true;
    }

    /// <summary>A trade we never booked failed to settle: nothing to report or reverse onward, only to audit.</summary>
    private void RecordUnbooked(ExecutionRecord record, Fill fill)
    {
        record.Fills.Add(fill);
        record.Outbox.Add(Plan(ReasonCodes.ExecFillFailed, new AuditPayload { Kind = AuditPayloadKind.Fill, Fill = fill, Detail = "settlement failed before the fill was booked; not booked" }));
    }

    /// <summary>
    /// Queues a booked fill's reversal (risk, the Portfolio's book, and the Strategy) with its EXEC_FILL_REVERSED, in the
    /// caller's next write. The fill's FAILED status is recorded in the same write, so no later delivery queues it again.
    /// </summary>
    private void Reverse(ExecutionRecord record, Fill failed)
    {
        record.Unreversed.Add(failed);
        record.Outbox.Add(Plan(ReasonCodes.ExecFillReversed, new AuditPayload
        {
            Kind = AuditPayloadKind.Fill,
            Fill = failed,
            Detail = $"{failed.Side} of {failed.Size} at {failed.Price} taken back out of the Portfolio's book, risk and the Strategy's position",
        }));
        LogFillReversed(failed.FillId, failed.ClientOrderId);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Fill {FillId} of order {ClientOrderId} failed to settle after it was booked; reversing it")]
    private partial void LogFillReversed(string fillId, string clientOrderId);
}
