using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Polytraders.Trading.Validation;

/// <summary>
/// Checks <c>fixtures/good/&lt;Schema&gt;/*.json</c> pass and <c>fixtures/bad/&lt;Schema&gt;/*.json</c> fail for the rule their
/// <c>_why_bad</c> names: <c>"&lt;Rule&gt; at &lt;#/path&gt;: explanation"</c>. A bad fixture rejected for another reason is a failure:
/// it would hide the rule it claims to test.
/// </summary>
public static partial class FixtureVerifier
{
    public const string WhyBadField = "_why_bad";

    public static IReadOnlyList<FixtureResult> Verify(ContractValidator validator, string fixturesDirectory)
    {
        var results = new List<FixtureResult>();
        foreach (var schema in validator.SchemaTitles.Order(StringComparer.Ordinal))
        {
            results.AddRange(Files(fixturesDirectory, "good", schema).Select(f => VerifyGood(validator, schema, f)));
            results.AddRange(Files(fixturesDirectory, "bad", schema).Select(f => VerifyBad(validator, schema, f)));
        }

        return results;
    }

    public static FixtureResult VerifyGood(ContractValidator validator, string schema, string file)
    {
        var violations = validator.Validate(schema, File.ReadAllText(file));
        return violations.Count == 0
            ? FixtureResult.Pass(schema, file)
            : FixtureResult.Fail(schema, file, "good fixture rejected: " + string.Join("; ", violations));
    }

    public static FixtureResult VerifyBad(ContractValidator validator, string schema, string file)
    {
        if (JsonNode.Parse(File.ReadAllText(file)) is not JsonObject document
            || document[WhyBadField]?.GetValue<string>() is not { } whyBad)
        {
            return FixtureResult.Fail(schema, file, $"bad fixture has no {WhyBadField} string");
        }

        var claim = WhyBadPattern().Match(whyBad);
        if (!claim.Success)
        {
            return FixtureResult.Fail(schema, file, $"{WhyBadField} must read '<Rule> at <#/path>: explanation', not '{whyBad}'");
        }

        document.Remove(WhyBadField);
        var violations = validator.Validate(schema, document.ToJsonString());
        var rule = claim.Groups["rule"].Value;
        var path = claim.Groups["path"].Value;
        if (violations.Any(v => v.Rule == rule && v.Path == path))
        {
            return FixtureResult.Pass(schema, file);
        }

        return violations.Count == 0
            ? FixtureResult.Fail(schema, file, $"bad fixture was accepted; expected {rule} at {path}")
            : FixtureResult.Fail(schema, file, $"rejected for the wrong reason: expected {rule} at {path}, got {string.Join("; ", violations)}");
    }

    private static IEnumerable<string> Files(string root, string kind, string schema)
    {
        var directory = Path.Combine(root, kind, schema);
        return Directory.Exists(directory) ? Directory.GetFiles(directory, "*.json").Order(StringComparer.Ordinal) : [];
    }

    /// <summary>What a <c>_why_bad</c> reads: groups <c>rule</c> and <c>path</c>.</summary>
    [GeneratedRegex(@"^(?<rule>[A-Za-z_]+) at (?<path>#[^:]*): .+$")]
    public static partial Regex WhyBadPattern();
}

public sealed record FixtureResult(string Schema, string File, bool Passed, string? Problem)
{
    public static FixtureResult Pass(string schema, string file) => new(schema, file, true, null);

    public static FixtureResult Fail(string schema, string file, string problem) => new(schema, file, false, problem);

    public override string ToString() => Passed ? $"ok   {Schema}: {Path.GetFileName(File)}" : $"FAIL {Schema}: {Path.GetFileName(File)}: {Problem}";
}
