namespace Polytraders.Trading.Scope;

/// <summary>How a market's membership of a Market scope changed; a resolved market has left for good.</summary>
public enum ScopeChangeKind
{
    Entered,
    Left,
    Resolved,
}
