using Polytraders.Contracts;

namespace Polytraders.Grains.Execution;

/// <summary>What an order grain persists: its one order's record, null until the client order id is placed.</summary>
[GenerateSerializer]
[Alias("Polytraders.OrderGrainState")]
public sealed class OrderGrainState
{
    [Id(0)]
    public ExecutionRecord? Record { get; set; }
}

/// <summary>
/// What execution knows about one client order id. Each step is written before its effect leaves the grain, so after a
/// crash the record says exactly what may have happened: <see cref="ExecutionStatus.Submitting"/> (signed and handed to
/// the venue, answer unknown: a recovery asks the venue), then a final status. A refusal before signing is recorded
/// final at once. Envelopes and onward reports decided in a step sit in
/// <see cref="Outbox"/> / <see cref="NotifyPending"/> until delivered, with their envelope ids fixed, so delivering
/// them again after a crash stores nothing twice.
/// </summary>
[GenerateSerializer]
[Alias("Polytraders.ExecutionRecord")]
public sealed class ExecutionRecord
{
    [Id(0)]
    public required OrderIntent Intent { get; set; }

    [Id(2)]
    public ExecutionStatus Status { get; set; }

    /// <summary>The order exactly as signed (and audited as EXEC_ORDER_SIGNED); what a recovery submits.</summary>
    [Id(3)]
    public Order? Order { get; set; }

    /// <summary>The launch the intent belongs to: recovery audits into the same chain and mode.</summary>
    [Id(4)]
    public AuditContext? Context { get; set; }

    [Id(5)]
    public DateTimeOffset AcceptedAt { get; set; }

    /// <summary>The venue's fills (or the fills it reported when reconciled).</summary>
    [Id(6)]
    public List<Fill> Fills { get; set; } = [];

    /// <summary>The reason code of an outcome without fills (refused, unfilled, reconciled), null when filled.</summary>
    [Id(7)]
    public string? OutcomeCode { get; set; }

    /// <summary>Envelopes decided but maybe not yet in the audit trail, in order.</summary>
    [Id(8)]
    public List<PlannedEnvelope> Outbox { get; set; } = [];

    /// <summary>
    /// The refusal (<see cref="OutcomeCode"/>) is not yet reported to strategy and risk. (A record written by an older
    /// build may carry it with <see cref="Fills"/> and no outcome: then the fills are what is not yet reported.)
    /// </summary>
    [Id(9)]
    public bool NotifyPending { get; set; }

    /// <summary>New fills not yet reported onward (portfolio, risk, strategy); each fill id enters here once.</summary>
    [Id(10)]
    public List<Fill> Unreported { get; set; } = [];

    /// <summary>
    /// Shares the venue's answer reported in one aggregate fill (several trades, id "{order}:post") that the feed has
    /// not yet attributed to its trades: feed fills up to this size are the same shares and are not booked again.
    /// </summary>
    [Id(11)]
    public decimal AggregateUnattributed { get; set; }

    /// <summary>Feed fills already counted in an aggregate answer fill: their statuses are audited, never booked.</summary>
    [Id(12)]
    public List<string> CoveredFillIds { get; set; } = [];

    /// <summary>
    /// Booked fills whose settlement failed, not yet reversed onward (risk, the Portfolio's book, and the Strategy); each
    /// fill id enters here once, when its FAILED is first recorded.
    /// </summary>
    [Id(13)]
    public List<Fill> Unreversed { get; set; } = [];

    /// <summary>Shares filled so far (fills whose settlement failed excluded, aggregated shares counted once).</summary>
    public decimal FilledSize => Fills.Where(f => f.Status != FillStatus.Failed && !CoveredFillIds.Contains(f.FillId)).Sum(f => f.Size);

    /// <summary>Still has work a recovery must finish.</summary>
    public bool IsPending =>
        Status is ExecutionStatus.Submitting
        || Outbox.Count > 0
        || Unreported.Count > 0
        || Unreversed.Count > 0
        || NotifyPending;

    /// <summary>In the venue's hands, answer not yet recorded: what holds one of execution's slots.</summary>
    public bool AwaitsVenue => Status is ExecutionStatus.Submitting;

    /// <summary>Fills or their settlement statuses may still arrive on the venue's feed: keep the order tracked.</summary>
    public bool ExpectsFeed =>
        Order is not null && (Status == ExecutionStatus.Open || Fills.Exists(f => f.Status is not (FillStatus.Confirmed or FillStatus.Failed)));
}

/// <summary>An envelope execution decided to write, with its id and time fixed so a re-send is recognised.</summary>
[GenerateSerializer]
[Alias("Polytraders.PlannedEnvelope")]
public sealed record PlannedEnvelope(
    [property: Id(0)] Guid EnvelopeId,
    [property: Id(1)] DateTimeOffset OccurredAt,
    [property: Id(2)] string ReasonCode,
    [property: Id(3)] AuditPayload Payload);

public enum ExecutionStatus
{
    Submitted,
    Failed,

    /// <summary>Handed to the venue; the answer was not recorded. A recovery asks the venue, never blindly resubmits.</summary>
    Submitting,

    /// <summary>Closed by a recovery without (re)submitting: the venue already held it, or could not be asked.</summary>
    Reconciled,

    /// <summary>
    /// Accepted by the venue and resting on its book (GTC/GTD answered "live"): not closed, fills arrive from the
    /// venue's feed (<see cref="IExecutionGrain.OnVenueFill"/>); becomes <see cref="Submitted"/> once fully filled.
    /// </summary>
    Open,

    /// <summary>A shadow run's order: signed and audited (EXEC_SHADOW_ORDER_SIGNED), never submitted, never filled.</summary>
    Shadow,
}
