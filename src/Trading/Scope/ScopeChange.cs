using Polytraders.Contracts;

namespace Polytraders.Trading.Scope;

/// <summary>
/// A market entering or leaving a Strategy's Market scope, and why. Every departure is audited as
/// STRAT_MARKET_OUT_OF_SCOPE with its cause (the kickoff page's cluster removal, manual de-selection or market
/// resolution); STRAT_MARKET_RESOLVED is kept for what a resolution adds: the position it flags for redemption.
/// </summary>
public readonly record struct ScopeChange(string MarketId, ScopeChangeKind Kind, AuditPayloadCause Cause)
{
    public bool IsResolution => Cause == AuditPayloadCause.Resolution;

    public string ReasonCode => Kind == ScopeChangeKind.Entered ? ReasonCodes.StratMarketInScope : ReasonCodes.StratMarketOutOfScope;

    /// <summary>The exit cause of a position held in the market when it leaves scope.</summary>
    public OrderIntentExitCause ExitCause => IsResolution ? OrderIntentExitCause.MarketResolved : OrderIntentExitCause.OutOfScope;

    /// <summary>The code of a position that cannot be sold when the market leaves: a resolved one waits for redemption.</summary>
    public string StrandedCode => IsResolution ? ReasonCodes.StratMarketResolved : ReasonCodes.StratMarketOutOfScope;

    /// <summary>The audit payload of this change.</summary>
    public AuditPayload Payload => new() { Kind = AuditPayloadKind.Scope, MarketId = MarketId, Cause = Cause };
}
