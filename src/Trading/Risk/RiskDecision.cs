using Polytraders.Contracts;

namespace Polytraders.Trading.Risk;

/// <summary>
/// Risk's answer to one intent. Approved: <see cref="Final"/> is the original, code RISK_APPROVED. Reshaped: a
/// smaller order fits the limits, code STRAT_RESHAPED_BY_RISK, <see cref="BindingLimit"/> names the limit that
/// shaped it, both shapes are kept for the audit envelope. Rejected: no final order, the code names the check.
/// </summary>
public sealed record RiskDecision(RiskOutcome Outcome, string ReasonCode, OrderIntent Original, OrderIntent? Final, string Detail)
{
    /// <summary>The RISK_* limit that cut a reshaped order down; null unless reshaped.</summary>
    public string? BindingLimit { get; init; }

    public static RiskDecision Approve(OrderIntent intent) =>
        new(RiskOutcome.Approved, ReasonCodes.RiskApproved, intent, intent, "within every limit");

    public static RiskDecision Reject(OrderIntent intent, string reasonCode, string detail) =>
        new(RiskOutcome.Rejected, reasonCode, intent, null, detail);

    public static RiskDecision Reshape(OrderIntent intent, decimal size, string bindingLimit, string detail) =>
        new(RiskOutcome.Reshaped, ReasonCodes.StratReshapedByRisk, intent, intent with { Size = size }, detail) { BindingLimit = bindingLimit };
}
