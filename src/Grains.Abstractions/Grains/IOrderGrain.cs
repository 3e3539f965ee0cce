using Polytraders.Contracts;

namespace Polytraders.Grains;

/// <summary>
/// One order (key: its client order id) from risk's approval to its last fill: signed once by the execution grain,
/// handed to the venue at most once, every outcome recorded and audited, fills reported onward exactly once per fill
/// id. Its persisted record is the client order id's idempotency record; it leaves memory when the order is done.
/// </summary>
[Alias("Polytraders.IOrderGrain")]
public interface IOrderGrain : IGrainWithStringKey
{
    /// <summary>
    /// Records the approved intent and answers as soon as its order is signed and recorded (or refused), never after
    /// the venue: the submission continues in the order's own turn. A client order id placed before is refused with
    /// EXEC_DUPLICATE_CLIENT_ORDER_ID and never signed again.
    /// </summary>
    [Alias("Place")]
    Task<CommandResult> Place([Immutable] OrderIntent approved, [Immutable] AuditContext context);

    /// <summary>
    /// A fill (or a later status of one: MATCHED → MINED → CONFIRMED, RETRYING, FAILED) the venue's user feed reported
    /// for this order, deduplicated by <see cref="Fill.FillId"/> and status, audited; a new fill goes onward (portfolio,
    /// risk, strategy) once. False when this grain holds no order.
    /// </summary>
    [Alias("OnVenueFill")]
    Task<bool> OnVenueFill([Immutable] Fill fill);

    /// <summary>
    /// The venue closed the resting order (its user feed's cancellation: <paramref name="reasonCode"/> is
    /// EXEC_ORDER_CANCELLED or EXEC_ORDER_EXPIRED): the order is closed with that code, the Strategy hears it and risk's
    /// reservation is released. An order not open (done, or still being submitted) is left as it is. False when this
    /// grain holds no order.
    /// </summary>
    [Alias("OnVenueOrderClosed")]
    Task<bool> OnVenueOrderClosed(string reasonCode, string detail);

    /// <summary>One-way, sent by the order grain to itself: the next step of its order, in a turn of its own.</summary>
    [Orleans.Concurrency.OneWay]
    [Alias("Continue")]
    Task Continue();
}
