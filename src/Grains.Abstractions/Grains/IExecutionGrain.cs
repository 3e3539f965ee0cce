using Polytraders.Contracts;

namespace Polytraders.Grains;

/// <summary>
/// The one execution grain (key: <see cref="Key"/>): the only holder of the signing key. Builds, signs and submits the
/// Polymarket order for an approved intent exactly once per client order id, and reports fills onward.
/// </summary>
[Alias("Polytraders.IExecutionGrain")]
public interface IExecutionGrain : IGrainWithStringKey
{
    public const string Key = "execution";

    /// <summary>
    /// Records the intent as accepted, signs, submits once and reports fills onward (one-way); returns when the venue
    /// answered. A client order id seen before is refused, never signed twice.
    /// </summary>
    [Alias("Execute")]
    Task<CommandResult> Execute(OrderIntent approved, AuditContext context);

    /// <summary>
    /// A fill (or a later status of one: MATCHED → MINED → CONFIRMED, RETRYING, FAILED) the venue's user feed reported
    /// for one of our orders. Mapped to its intent by client order id, deduplicated by <see cref="Fill.FillId"/> and
    /// status, audited; a new fill goes onward (portfolio, risk, strategy) exactly once. False when the order is unknown.
    /// </summary>
    [Alias("OnVenueFill")]
    Task<bool> OnVenueFill(Fill fill);

    [Alias("GetSignerAddress")]
    Task<string> GetSignerAddress();
}
