using System.Text.Json;
using System.Text.RegularExpressions;

namespace Polytraders.Conformance;

/// <summary>
/// One case per bad fixture of every body schema the service accepts: conformance/bad-fixtures.json maps each schema
/// to the route that reads it, and every file in fixtures/bad/&lt;schema&gt;/ is sent there, so a new bad fixture is a
/// new case. The answer must be 400 with the reason code, rule and JSON path the fixture's <c>_why_bad</c> names
/// (<c>"&lt;Rule&gt; at &lt;#/path&gt;: why (&lt;CODE&gt;)"</c>; without a code, the route's own).
/// </summary>
internal static partial class BadFixtureCases
{
    public const string RoutesFile = "conformance/bad-fixtures.json";
    public const string WhyBad = "_why_bad";

    public static IEnumerable<ConformanceCase> Load(string suiteRoot)
    {
        var routes = JsonSerializer.Deserialize<RouteMap>(File.ReadAllText(Path.Combine(suiteRoot, RoutesFile)), CaseJson.Options)
                     ?? throw new InvalidDataException($"{RoutesFile} holds null");
        foreach (var route in routes.Routes)
        {
            var folder = Path.Combine(suiteRoot, "fixtures", "bad", route.Schema);
            foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
            {
                yield return CaseOf(route, Path.GetRelativePath(suiteRoot, file).Replace('\\', '/'), CaseJson.ReadNode(file)[WhyBad]?.GetValue<string>());
            }
        }
    }

    private static ConformanceCase CaseOf(BodyRoute route, string fixture, string? whyBad)
    {
        var name = $"bad/{route.Schema}/{Path.GetFileNameWithoutExtension(fixture)}";
        var parsed = whyBad is null ? null : WhyBadPattern().Match(whyBad);
        if (parsed is not { Success: true })
        {
            throw new InvalidDataException($"{fixture}: {WhyBad} must read \"<Rule> at <#/path>: why\", not \"{whyBad}\"");
        }

        var code = parsed.Groups["code"].Success ? parsed.Groups["code"].Value : route.ReasonCode;
        var step = new CaseStep
        {
            Name = $"{route.Method} {route.Path}",
            Request = new RequestSpec { As = "operator", Method = route.Method, Path = route.Path, Body = fixture },
            Expect = new ResponseExpectation
            {
                Status = 400,
                ReasonCode = code,
                Violations = [new ViolationSpec(parsed.Groups["rule"].Value, parsed.Groups["path"].Value)],
            },
        };
        return new ConformanceCase(name, $"{fixture} is refused: {whyBad}", [step], []);
    }

    [GeneratedRegex(@"^(?<rule>[A-Za-z]+) at (?<path>#[^:\s]*):.*?(\((?<code>(INTEL|DISC|STRAT|RISK|EXEC|SEC|GOV)_[A-Z0-9_]+)\))?\s*$")]
    private static partial Regex WhyBadPattern();

    private sealed record RouteMap(IReadOnlyList<BodyRoute> Routes);

    /// <summary>The route that reads <see cref="Schema"/> bodies, and the reason code its contract refusals carry.</summary>
    private sealed record BodyRoute(string Schema, string Method, string Path, string ReasonCode);
}
