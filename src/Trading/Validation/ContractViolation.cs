namespace Polytraders.Trading.Validation;

/// <summary>
/// One reason a document breaks its contract. <see cref="Rule"/> is the JSON Schema error kind (e.g. PatternMismatch)
/// or, for rules only C# can check, the rule's PascalCase name (e.g. ExposureAboveBankroll); <see cref="ReasonCode"/> is the registered code to answer with; <see cref="Path"/> is a JSON pointer like <c>#/market_ids</c>.
/// </summary>
public sealed record ContractViolation(string ReasonCode, string Rule, string Path, string Message)
{
    /// <summary>The same violation found in a document embedded at <paramref name="path"/>: <c>#/size</c> under <c>#/payload/fill</c> is <c>#/payload/fill/size</c>.</summary>
    public ContractViolation Under(string path) => this with { Path = path + Path[1..] };

    public override string ToString() => $"{Rule} at {Path}: {Message} ({ReasonCode})";
}
