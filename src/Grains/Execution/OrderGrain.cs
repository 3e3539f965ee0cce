using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Polytraders.Contracts;
using Polytraders.Grains.Telemetry;
using Polytraders.Trading;
using Polytraders.Trading.Venues;

namespace Polytraders.Grains.Execution;

/// <summary>
/// One order's lifecycle after risk approved it. <see cref="Place"/> signs it through the execution grain (the key's
/// only holder) and records it before answering; the submission follows in a turn of its own (<see cref="Continue"/>),
/// so the venue's round trip holds up this order only, and orders run side by side, one grain each. Every step is
/// recorded before its effect leaves the grain (signed → handed to the venue → answered), so a restart can tell an order
/// never sent from one that may have been, and none is ever submitted twice.
/// </summary>
/// <remarks>
/// A record a crash left pending is finished when the grain activates again: by its reminder on a durable silo (it
/// fires within a minute even when the silo that held the grain died), and by a timer while active (a venue that threw).
/// A signed record is submitted once; one that may have reached the venue is asked about (<see cref="IVenueOrderLookup"/>)
/// and closed as EXEC_RECONCILED when the venue holds it, never resubmitted blindly. A GTC/GTD order the venue rests on
/// its book stays <see cref="ExecutionStatus.Open"/>; its fills arrive through <see cref="OnVenueFill"/>. An order
/// closed without fills tells the strategy and releases risk's reservation. Done, the grain leaves memory; its record
/// stays in storage as the client order id's idempotency record.
/// </remarks>
public sealed partial class OrderGrain(
    [PersistentState("order", StreamNames.GrainStorage)] IPersistentState<OrderGrainState> state,
    IVenue venue,
    DeploymentProfile deployment,
    TimeProvider time,
    ILogger<OrderGrain> logger) : Grain, IOrderGrain, IRemindable
{
    private const string Actor = "execution";

    /// <summary>The fill id suffix of a venue answer's aggregate of several trades (ClobVenue: "{order hash}:post").</summary>
    private const string AggregateFillSuffix = ":post";

    private readonly GrainReferenceCache<IRiskGrain> _risk = new();
    private readonly GrainReferenceCache<IStrategyGrain> _strategy = new();
    private readonly GrainReferenceCache<IAuditTrailGrain> _auditTrail = new();
    private readonly GrainReferenceCache<IMarketGrain> _market = new();
    private readonly GrainReferenceCache<IExecutionGrain> _execution = new();

    /// <summary>Set when this activation placed the order and has not yet submitted it: its first submission is not a recovery.</summary>
    private bool _placedHere;

    private IOrderGrain? _self;

    /// <summary>The market as this activation signed against it: its submission, a turn later, needs it again.</summary>
    private MarketState? _signedMarket;

    private string ClientOrderId => this.GetPrimaryKeyString();

    public async Task<CommandResult> Place(OrderIntent approved, AuditContext context)
    {
        ArgumentNullException.ThrowIfNull(approved);
        ArgumentNullException.ThrowIfNull(context);
        if (state.State.Record is not null)
        {
            return CommandResult.Refused(ReasonCodes.ExecDuplicateClientOrderId, $"Client order id {approved.ClientOrderId} was already accepted.");
        }

        if (approved.ClientOrderId != ClientOrderId)
        {
            throw new ArgumentException($"Intent {approved.ClientOrderId} placed on order grain {ClientOrderId}.", nameof(approved));
        }

        // Nothing is recorded until signing answered: a call that throws (a key that cannot be opened) leaves the client
        // order id free, and risk sends the intent again, which signs to the same order.
        var record = new ExecutionRecord { Intent = approved, Context = context, Status = ExecutionStatus.Submitting, AcceptedAt = time.GetUtcNow() };
        var market = _signedMarket = await _market.Get(GrainFactory, approved.MarketId).GetState();
        var signature = market is null
            ? OrderSignature.Refused(ReasonCodes.StratUnknownMarket, $"market {approved.MarketId} is not configured")
            : await _execution.Get(GrainFactory, IExecutionGrain.Key).Sign(approved, context, market.Market);
        state.State.Record = record;
        if (signature.Order is not { } order)
        {
            return await Fail(record, signature.ReasonCode!, signature.Detail!);
        }

        // A shadow order ends here, signed and never handed to the venue: no fill, its reservation released at once.
        if (context.Mode == AuditEnvelopeMode.Shadow)
        {
            record.Order = order;
            var shadow = $"shadow: order {order.OrderHash} built and signed, never submitted to the {venue.Name} venue";
            return await Close(record, ExecutionStatus.Shadow, ReasonCodes.ExecShadowOrderSigned, shadow, new AuditPayload { Kind = AuditPayloadKind.Order, Order = order, Detail = shadow });
        }

        // One write records the order as handed to the venue: from here a restart asks the venue before anything is sent
        // again. EXEC_ORDER_SIGNED is in the trail before risk hears back and before the venue sees the order.
        record.Order = order;
        record.Outbox.Add(Plan(ReasonCodes.ExecOrderSigned, new AuditPayload { Kind = AuditPayloadKind.Order, Order = order }));
        await state.WriteStateAsync();
        await KeepAwakeAsync();
        await Deliver(record, persist: false);
        _placedHere = true;
        await (_self ??= this.AsReference<IOrderGrain>()).Continue();
        return CommandResult.Done(order.OrderHash);
    }

    /// <summary>The next step of a pending order; a done one says again that it is done (risk may have missed it).</summary>
    public async Task Continue()
    {
        // Only the Continue that Place sent submits without asking the venue first; any later one is a recovery.
        var placedJustNow = _placedHere;
        _placedHere = false;
        if (state.State.Record is { IsPending: true } record)
        {
            if (!placedJustNow && _retry is not null)
            {
                // This activation already has its next try scheduled (after a venue outage, or just activated): a wake
                // from risk must not ask a venue that has just failed again at once.
                return;
            }

            await Advance(record, recovering: !placedJustNow);
        }
        else
        {
            await SettledAsync(state.State.Record);
        }
    }

    /// <summary>Drives the record from whatever step it is at to a final status, delivering what each step decided.</summary>
    private async Task<CommandResult> Advance(ExecutionRecord record, bool recovering)
    {
        var intent = record.Intent;

        // Whatever an earlier step decided goes out first, in order. A recovery writes the cleared delivery with its next
        // step, or below when there is none.
        var delivered = await Deliver(record, persist: !recovering);

        if (record.Status == ExecutionStatus.Submitting && !recovering)
        {
            return await Answered(record, await Submit(record), note: null, reconciled: false);
        }

        if (record.Status == ExecutionStatus.Submitting)
        {
            // A recovery (after a crash, or an EXEC_VENUE_UNAVAILABLE answer): the venue may or may not have the order.
            if (venue is IVenueOrderLookup lookup)
            {
                var known = await lookup.FindAsync(record.Order!, intent, CancellationToken.None);
                if (known is not null)
                {
                    return await Answered(record, known, $"the {venue.Name} venue already holds order {record.Order!.OrderHash}; not resubmitted", reconciled: true);
                }

                return await Answered(record, await Submit(record), $"the {venue.Name} venue did not hold order {record.Order!.OrderHash} when asked; submitted once", reconciled: false);
            }

            var detail = $"the {venue.Name} venue cannot be asked whether it holds order {record.Order!.OrderHash}, which may have reached it before a restart; not resubmitted, closed unfilled";
            return await Close(record, ExecutionStatus.Reconciled, ReasonCodes.ExecReconciled, detail, new AuditPayload { Kind = AuditPayloadKind.Order, Order = record.Order, Detail = detail });
        }

        // A final status: only its delivery (done above) could have been pending.
        if (delivered && recovering)
        {
            await state.WriteStateAsync();
        }

        await SettledAsync(record);
        return record.OutcomeCode is { } code ? CommandResult.Refused(code, $"client order id {intent.ClientOrderId} was closed as {code}") : CommandResult.Done(record.Order?.OrderHash);
    }

    private async Task<VenueAnswer> Submit(ExecutionRecord record)
    {
        var market = _signedMarket ?? await _market.Get(GrainFactory, record.Intent.MarketId).GetState();
        if (market is null)
        {
            return VenueAnswer.Refused(ReasonCodes.StratUnknownMarket, $"market {record.Intent.MarketId} is not configured");
        }

        var started = Stopwatch.GetTimestamp();
        var answer = await venue.SubmitAsync(record.Order!, record.Intent, market, CancellationToken.None);
        GrainMetrics.VenueDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, new KeyValuePair<string, object?>("venue", venue.Name));
        return answer;
    }

    /// <summary>
    /// Records the venue's answer with every envelope and report it implies, in one write, then delivers them. An
    /// EXEC_VENUE_UNAVAILABLE answer from a venue that can be asked leaves the record handed-to-the-venue for the next
    /// reconciliation (the grain's timer or reminder).
    /// </summary>
    private async Task<CommandResult> Answered(ExecutionRecord record, VenueAnswer answer, string? note, bool reconciled)
    {
        if (note is not null)
        {
            var code = reconciled ? ReasonCodes.ExecReconciled : ReasonCodes.ExecOrderSubmitted;
            record.Outbox.Add(Plan(code, new AuditPayload { Kind = AuditPayloadKind.Order, Order = record.Order, Detail = note }));
        }

        if (!answer.Accepted && answer.ReasonCode == ReasonCodes.ExecVenueUnavailable && venue is IVenueOrderLookup)
        {
            // Unreachable, timed out or throttled: the order may be on the book. It stays handed-to-the-venue, and the
            // next reconciliation asks the venue instead of anyone submitting it again.
            var pendingDetail = $"{answer.Detail}; order {record.Order!.OrderHash} stays pending until the {venue.Name} venue can be asked";
            record.Outbox.Add(Plan(ReasonCodes.ExecVenueUnavailable, Refusal(record.Intent, pendingDetail)));
            await state.WriteStateAsync();
            await Deliver(record);
            RetryWhilePending(RetryPeriod);
            LogFailed(record.Intent.ClientOrderId, ReasonCodes.ExecVenueUnavailable, pendingDetail);
            return CommandResult.Refused(ReasonCodes.ExecVenueUnavailable, pendingDetail);
        }

        var status = reconciled ? ExecutionStatus.Reconciled : ExecutionStatus.Submitted;
        if (!answer.Accepted)
        {
            return await Close(record, status, answer.ReasonCode!, answer.Detail!, Refusal(record.Intent, answer.Detail!));
        }

        // A GTC/GTD order resting on the book is not unfilled: it stays open for the fills the venue's feed reports.
        var resting = answer.Resting && record.Intent.TimeInForce is TimeInForce.Gtc or TimeInForce.Gtd;
        if (answer.Fills.Count == 0 && !resting)
        {
            var detail = $"{venue.Name} venue matched nothing at {record.Intent.LimitPrice}";
            return await Close(record, status, ReasonCodes.ExecOrderUnfilled, detail, Refusal(record.Intent, detail));
        }

        record.Status = status;
        foreach (var fill in answer.Fills.Where(f => record.Fills.TrueForAll(known => known.FillId != f.FillId)))
        {
            if (fill.Status == FillStatus.Failed)
            {
                // A reconciliation reads trades at their latest status: one that already failed is never booked.
                RecordUnbooked(record, fill);
                continue;
            }

            AddFill(record, fill);
            if (fill.FillId.EndsWith(AggregateFillSuffix, StringComparison.Ordinal))
            {
                record.AggregateUnattributed += fill.Size;
            }
        }

        if (resting && record.FilledSize < record.Intent.Size)
        {
            record.Status = ExecutionStatus.Open;
            var restingDetail = $"resting on the {venue.Name} book at {record.Intent.LimitPrice} ({record.FilledSize} of {record.Intent.Size} filled); fills arrive on the venue's feed";
            record.Outbox.Add(Plan(ReasonCodes.ExecOrderSubmitted, new AuditPayload { Kind = AuditPayloadKind.Order, Order = record.Order, Detail = restingDetail }));
        }

        await state.WriteStateAsync();
        await Deliver(record);
        await SettledAsync(record);
        LogFilled(record.Intent.ClientOrderId, answer.Fills.Count, venue.Name);
        return CommandResult.Done(record.Order!.OrderHash);
    }

    private Task<CommandResult> Fail(ExecutionRecord record, string reasonCode, string detail) =>
        Close(record, ExecutionStatus.Failed, reasonCode, detail, Refusal(record.Intent, detail));

    /// <summary>Closes a record without fills: the strategy hears the reason, the trail gets it.</summary>
    private async Task<CommandResult> Close(ExecutionRecord record, ExecutionStatus status, string reasonCode, string detail, AuditPayload payload)
    {
        record.Status = status;
        record.OutcomeCode = reasonCode;
        record.Outbox.Add(Plan(reasonCode, payload));
        record.NotifyPending = true;
        await state.WriteStateAsync();
        await Deliver(record);
        await SettledAsync(record);
        LogFailed(record.Intent.ClientOrderId, reasonCode, detail);
        return CommandResult.Refused(reasonCode, detail);
    }

    /// <summary>
    /// Appends the planned envelopes (idempotent by their recorded ids) and reports the outcome onward, then clears
    /// them. A crash before the clear is written re-delivers: the trail stores nothing twice. Without
    /// <paramref name="persist"/> the clear rides on the caller's next write.
    /// </summary>
    private async Task<bool> Deliver(ExecutionRecord record, bool persist = true)
    {
        if (record.Outbox.Count == 0 && !record.NotifyPending && record.Unreported.Count == 0 && record.Unreversed.Count == 0)
        {
            return false;
        }

        foreach (var planned in record.Outbox)
        {
            await Audit(record.Context!, planned);
        }

        var intent = record.Intent;
        foreach (var fill in record.Unreported)
        {
            await Report(intent, fill);
        }

        foreach (var failed in record.Unreversed)
        {
            await _risk.Get(GrainFactory, intent.PortfolioId).OnFillReversed(failed);
            await _strategy.Get(GrainFactory, intent.StrategyId).OnFillReversed(failed);
        }

        // Risk's reservation is released by SettledAsync, once this delivery is written: risk wakes the orders it still
        // holds after a restart, so it must not forget one whose delivery a crash could leave unfinished.
        if (record.NotifyPending && record.OutcomeCode is { } code)
        {
            await _strategy.Get(GrainFactory, intent.StrategyId).OnIntentRejected(intent.ClientOrderId, code);
        }

        record.Outbox.Clear();
        record.Unreported.Clear();
        record.Unreversed.Clear();
        record.NotifyPending = false;
        if (persist)
        {
            await state.WriteStateAsync();
        }

        return true;
    }

    /// <summary>
    /// Awaited and idempotent at each receiver (by fill id): a report that fails (its receiver's silo died) leaves the
    /// fill unreported for the next try, and one delivered twice books nothing twice. Risk's book is the Portfolio's:
    /// the fill reaches the Portfolio through it.
    /// </summary>
    private async Task Report(OrderIntent intent, Fill fill)
    {
        await _risk.Get(GrainFactory, intent.PortfolioId).OnFill(fill);
        await _strategy.Get(GrainFactory, intent.StrategyId).OnFill(fill);
    }

    private PlannedEnvelope Plan(string reasonCode, AuditPayload payload)
    {
        var now = time.GetUtcNow();
        return new PlannedEnvelope(Guid.CreateVersion7(now), now, reasonCode, payload);
    }

    /// <summary>A refusal names the intent, so every execution envelope says which client order id it is about.</summary>
    private static AuditPayload Refusal(OrderIntent intent, string detail) => new() { Kind = AuditPayloadKind.OrderFailed, Intent = intent, Detail = detail };

    private Task<AuditEnvelope> Audit(AuditContext context, PlannedEnvelope planned) =>
        _auditTrail.Get(GrainFactory, context.PortfolioId)
            .Append(context.Draft(planned.ReasonCode, Actor, planned.Payload, planned.OccurredAt) with { EnvelopeId = planned.EnvelopeId });

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {ClientOrderId}: {Fills} fill(s) on {Venue}")]
    private partial void LogFilled(string clientOrderId, int fills, string venue);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {ClientOrderId} failed: {ReasonCode} {Detail}")]
    private partial void LogFailed(string clientOrderId, string reasonCode, string detail);
}
