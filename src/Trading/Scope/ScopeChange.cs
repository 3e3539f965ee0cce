using Polytraders.Contracts;

namespace Polytraders.Trading.Scope;

/// <summary>A market entering or leaving a Strategy's Market scope, with the code to audit it under.</summary>
public readonly record struct ScopeChange(string MarketId, ScopeChangeKind Kind)
{
    public string ReasonCode => Kind switch
    {
        ScopeChangeKind.Entered => ReasonCodes.StratMarketInScope,
        ScopeChangeKind.Left => ReasonCodes.StratMarketOutOfScope,
        _ => ReasonCodes.StratMarketResolved,
    };

    /// <summary>The exit cause of a position held in the market when it leaves scope.</summary>
    public OrderIntentExitCause ExitCause =>
        Kind == ScopeChangeKind.Resolved ? OrderIntentExitCause.MarketResolved : OrderIntentExitCause.OutOfScope;
}
