namespace Polytraders.Trading.Scope;

/// <summary>
/// What an operator's edit of a running manual list did: refused (the rule it broke), unchanged (the market was already
/// there, or not there), or changed the list, with the scope change it made (none for a market that had resolved:
/// it left the scope then).
/// </summary>
public readonly record struct ScopeEdit(RuleViolation? Refusal, bool Changed, ScopeChange? Change)
{
    public static ScopeEdit Unchanged => default;

    public static ScopeEdit Refused(string code, string message) => new(new RuleViolation(code, message), false, null);
}
