namespace Polytraders.Grains.Contracts;

/// <summary>
/// One reason a document breaks its contract. <see cref="Rule"/> is the JSON Schema error kind (e.g. PatternMismatch)
/// or, for rules only C# can check, the reason code; <see cref="Path"/> is a JSON pointer like <c>#/market_ids</c>.
/// </summary>
public sealed record ContractViolation(string ReasonCode, string Rule, string Path, string Message)
{
    public override string ToString() => $"{Rule} at {Path}: {Message} ({ReasonCode})";
}
