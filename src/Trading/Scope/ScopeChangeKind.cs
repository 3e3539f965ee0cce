namespace Polytraders.Trading.Scope;

/// <summary>How a market's membership of a Market scope changed; why is the change's <see cref="ScopeChange.Cause"/>.</summary>
public enum ScopeChangeKind
{
    Entered,
    Left,
}
