namespace Polytraders.Trading.Bots;

/// <summary>
/// A Bot spec (or the registry that pins the specs) the silo refuses to start with: the file, the rule it breaks and the
/// registered GOV_* code, so the operator reading the failed start knows which file to fix and why.
/// </summary>
public sealed class BotSpecRefusedException(string reasonCode, string file, string rule, string detail)
    : Exception($"{reasonCode}: {file}: {rule}: {detail}")
{
    public string ReasonCode { get; } = reasonCode;

    public string File { get; } = file;

    public string Rule { get; } = rule;
}
