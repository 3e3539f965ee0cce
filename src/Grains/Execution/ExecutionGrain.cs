using System.Globalization;
using System.Numerics;
using Microsoft.Extensions.Logging;
using Polytraders.Contracts;
using Polytraders.Grains.Execution.Polymarket;
using Polytraders.Polymarket.Crypto;
using Polytraders.Polymarket.Orders;
using Polytraders.Trading.Venues;

namespace Polytraders.Grains.Execution;

/// <summary>
/// The singleton execution grain and the only holder of the signing key. Per client order id it records each step
/// before its effect leaves the grain (accepted with the salt → signed → handed to the venue → answered), so a restart
/// can tell an order that was never sent from one that may have been, and no intent is ever signed or submitted twice.
/// </summary>
/// <remarks>
/// On activation it finishes what a crash interrupted (<see cref="ReconcileAsync"/>): an accepted record is signed with
/// its recorded salt and submitted once; a signed one is submitted once; one that may have reached the venue is asked
/// about (<see cref="IVenueOrderLookup"/>) and closed as EXEC_RECONCILED when the venue holds it, never resubmitted
/// blindly. Submitted records are never submitted again. Every recovery step is audited. A durable silo activates the
/// grain when it starts and every minute after (Polytraders.Silo's ExecutionRecoveryService), so a record is finished
/// even when the silo that held the grain died and no new intent arrives; an active grain retries a record a failure left
/// pending once a minute.
/// A GTC/GTD order the venue rests on its book stays <see cref="ExecutionStatus.Open"/>; its fills arrive later through
/// <see cref="OnVenueFill"/> (the CLOB's UserFeedPump), deduplicated by fill id and status: a new fill is audited as
/// EXEC_ORDER_FILLED and reported onward once, later statuses as EXEC_FILL_MINED / _CONFIRMED / _RETRYING / _FAILED.
/// An order closed without fills tells the strategy and releases risk's reservation (IRiskGrain.ReleaseOrder).
/// </remarks>
public sealed partial class ExecutionGrain(
    [PersistentState("execution", StreamNames.GrainStorage)] IPersistentState<ExecutionGrainState> state,
    OrderSignerService signer,
    IVenue venue,
    TimeProvider time,
    ILogger<ExecutionGrain> logger) : Grain, IExecutionGrain
{
    private const string Actor = "execution";

    /// <summary>The fill id suffix of a venue answer's aggregate of several trades (ClobVenue: "{order hash}:post").</summary>
    private const string AggregateFillSuffix = ":post";

    /// <summary>How often an active grain retries records a failure (not a crash) left pending, e.g. a venue that threw.</summary>
    private static readonly TimeSpan RetryPeriod = TimeSpan.FromMinutes(1);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await base.OnActivateAsync(cancellationToken);
        await ReconcileAsync();
        TrackOpenOrders();
        // Timer ticks do not interleave with requests: when one runs, no Execute is half-way, so what is pending is stuck.
        this.RegisterGrainTimer(_ => ReconcileAsync(), RetryPeriod, RetryPeriod);
    }

    public Task<string> GetSignerAddress() => Task.FromResult(signer.Address.ToString());

    public async Task<CommandResult> Execute(OrderIntent approved, AuditContext context)
    {
        if (state.State.Orders.ContainsKey(approved.ClientOrderId))
        {
            return CommandResult.Refused(ReasonCodes.ExecDuplicateClientOrderId, $"Client order id {approved.ClientOrderId} was already accepted.");
        }

        if (context.Mode == AuditEnvelopeMode.LimitedLive && signer.IsDevelopmentKey)
        {
            const string detail = "the development key cannot sign limited_live orders";
            await Audit(context, Plan(ReasonCodes.SecDevKeyRefusedLive, Refusal(approved, detail)));
            await GrainFactory.GetGrain<IStrategyGrain>(approved.StrategyId).OnIntentRejected(approved.ClientOrderId, ReasonCodes.SecDevKeyRefusedLive);
            LogFailed(approved.ClientOrderId, ReasonCodes.SecDevKeyRefusedLive, detail);
            return CommandResult.Refused(ReasonCodes.SecDevKeyRefusedLive, detail);
        }

        var record = new ExecutionRecord
        {
            Intent = approved,
            Context = context,
            Salt = OrderSalt.Next(),
            Status = ExecutionStatus.Accepted,
            AcceptedAt = time.GetUtcNow(),
        };
        state.State.Orders[approved.ClientOrderId] = record;
        await state.WriteStateAsync();
        return await Advance(record, recovering: false);
    }

    /// <summary>Drives one record from whatever step it is at to a final status, delivering what each step decided.</summary>
    private async Task<CommandResult> Advance(ExecutionRecord record, bool recovering)
    {
        var intent = record.Intent;
        var context = record.Context!;
        var loaded = record.Status;

        // Whatever an earlier step decided goes out first, in order.
        await Deliver(record);

        if (record.Status == ExecutionStatus.Accepted)
        {
            var market = await GrainFactory.GetGrain<IMarketGrain>(intent.MarketId).GetState();
            if (market is null)
            {
                return await Fail(record, ReasonCodes.StratUnknownMarket, $"market {intent.MarketId} is not configured");
            }

            // The salt was recorded before the first attempt: a re-sign after a crash is the same order.
            var signed = OrderContracts.RulesOf(market.Market).Then(rules => signer.SignLimit(
                record.Salt,
                BigInteger.Parse(intent.TokenId, CultureInfo.InvariantCulture),
                OrderContracts.SideOf(intent.Side),
                intent.LimitPrice,
                intent.Size,
                rules,
                Bytes32.Parse(context.BuilderCode)));
            if (!signed.IsSuccess)
            {
                return await Fail(record, PolymarketReasonCodes.Of(signed.Refusal!.Value), signed.Detail!);
            }

            record.Order = OrderContracts.ToContract(signed.Value, intent, market.Market.NegRisk, signer.ChainId, signer.Label);
            record.Status = ExecutionStatus.Signed;
            record.Outbox.Add(Plan(ReasonCodes.ExecOrderSigned, new AuditPayload { Kind = AuditPayloadKind.Order, Order = record.Order }));
            await state.WriteStateAsync();
        }

        if (record.Status == ExecutionStatus.Signed)
        {
            // EXEC_ORDER_SIGNED is in the trail before the venue sees the order. From the next write on the venue may
            // hold it: a crash after that write is answered by asking the venue, never by submitting again.
            await Deliver(record, persist: false);
            record.Status = ExecutionStatus.Submitting;
            await state.WriteStateAsync();
            var answer = await Submit(record);
            var note = !recovering ? null
                : loaded == ExecutionStatus.Accepted ? "recovered (after a restart or a failure): signed with the recorded salt and submitted once"
                : "recovered (after a restart or a failure): signed before, never submitted; submitted once";
            return await Answered(record, answer, note, reconciled: false);
        }

        if (record.Status == ExecutionStatus.Submitting)
        {
            // Only a recovery meets this state (after a crash, or an EXEC_VENUE_UNAVAILABLE answer): the venue may or may
            // not have the order.
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
        return record.OutcomeCode is { } code ? CommandResult.Refused(code, $"client order id {intent.ClientOrderId} was closed as {code}") : CommandResult.Done(record.Order?.OrderHash);
    }

    private async Task<VenueAnswer> Submit(ExecutionRecord record)
    {
        var market = await GrainFactory.GetGrain<IMarketGrain>(record.Intent.MarketId).GetState();
        return market is null
            ? VenueAnswer.Refused(ReasonCodes.StratUnknownMarket, $"market {record.Intent.MarketId} is not configured")
            : await venue.SubmitAsync(record.Order!, record.Intent, market, CancellationToken.None);
    }

    /// <summary>
    /// Records the venue's answer with every envelope and report it implies, in one write, then delivers them. An
    /// EXEC_VENUE_UNAVAILABLE answer from a venue that can be asked leaves the record handed-to-the-venue for the next
    /// reconciliation (the grain's timer, or its next activation).
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
        LogFailed(record.Intent.ClientOrderId, reasonCode, detail);
        return CommandResult.Refused(reasonCode, detail);
    }

    /// <summary>
    /// Appends the planned envelopes (idempotent by their recorded ids) and reports the outcome onward, then clears
    /// them. A crash before the clear is written re-delivers: the trail stores nothing twice. Without
    /// <paramref name="persist"/> the clear rides on the caller's next write.
    /// </summary>
    private async Task Deliver(ExecutionRecord record, bool persist = true)
    {
        if (record.Outbox.Count == 0 && !record.NotifyPending)
        {
            return;
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

        if (record.NotifyPending)
        {
            if (record.OutcomeCode is { } code)
            {
                await GrainFactory.GetGrain<IStrategyGrain>(intent.StrategyId).OnIntentRejected(intent.ClientOrderId, code);
                await GrainFactory.GetGrain<IRiskGrain>(intent.PortfolioId).ReleaseOrder(intent.ClientOrderId);
            }
            else
            {
                // A record an older build left with its fills unreported (receivers skip what they already applied).
                foreach (var fill in record.Fills)
                {
                    await Report(intent, fill);
                }
            }
        }

        record.Outbox.Clear();
        record.Unreported.Clear();
        record.NotifyPending = false;
        if (persist)
        {
            await state.WriteStateAsync();
        }
    }

    /// <summary>One-way and idempotent at each receiver (by fill id): a re-delivery after a crash books nothing twice.</summary>
    private async Task Report(OrderIntent intent, Fill fill)
    {
        await GrainFactory.GetGrain<IPortfolioGrain>(intent.PortfolioId).RecordFill(fill);
        await GrainFactory.GetGrain<IRiskGrain>(intent.PortfolioId).OnFill(fill);
        await GrainFactory.GetGrain<IStrategyGrain>(intent.StrategyId).OnFill(fill);
    }

    private PlannedEnvelope Plan(string reasonCode, AuditPayload payload)
    {
        var now = time.GetUtcNow();
        return new PlannedEnvelope(Guid.CreateVersion7(now), now, reasonCode, payload);
    }

    /// <summary>A refusal names the intent, so every execution envelope says which client order id it is about.</summary>
    private static AuditPayload Refusal(OrderIntent intent, string detail) => new() { Kind = AuditPayloadKind.OrderFailed, Intent = intent, Detail = detail };

    private Task<AuditEnvelope> Audit(AuditContext context, PlannedEnvelope planned) =>
        GrainFactory.GetGrain<IAuditTrailGrain>(context.PortfolioId)
            .Append(context.Draft(planned.ReasonCode, Actor, planned.Payload, planned.OccurredAt) with { EnvelopeId = planned.EnvelopeId });

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {ClientOrderId}: {Fills} fill(s) on {Venue}")]
    private partial void LogFilled(string clientOrderId, int fills, string venue);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {ClientOrderId} failed: {ReasonCode} {Detail}")]
    private partial void LogFailed(string clientOrderId, string reasonCode, string detail);
}
