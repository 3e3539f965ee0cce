using System.Text.RegularExpressions;

namespace Polytraders.Conformance;

/// <summary>Every case of the suite: the flows of conformance/cases/ (in name order), then one per bad fixture.</summary>
public static class ConformanceSuite
{
    public static IReadOnlyList<ConformanceCase> Load(string suiteRoot, string? only = null)
    {
        var flows = Directory.EnumerateDirectories(Path.Combine(suiteRoot, "conformance", "cases"))
            .Order(StringComparer.Ordinal)
            .Select(FlowCaseFile.Load);
        var filter = only is null ? null : new Regex(only, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        return [.. flows.Concat(BadFixtureCases.Load(suiteRoot)).Where(c => filter?.IsMatch(c.Name) ?? true)];
    }
}
