namespace Polytraders.Contracts;

public static partial class ReasonCodes
{
    private static readonly HashSet<string> Registered = All.Select(e => e.Code).ToHashSet(StringComparer.Ordinal);

    /// <summary>True when <paramref name="code"/> is in the registry (ReasonCodes.json), spelled exactly.</summary>
    public static bool IsRegistered(string code) => Registered.Contains(code);

    /// <summary>The registry entry of a registered code.</summary>
    public static ReasonCodeEntry Describe(string code) =>
        All.FirstOrDefault(e => string.Equals(e.Code, code, StringComparison.Ordinal))
        ?? throw new ArgumentException($"'{code}' is not a registered reason code.", nameof(code));
}
