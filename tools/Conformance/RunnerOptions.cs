namespace Polytraders.Conformance;

/// <summary>What the runner is pointed at and what it writes; parsed from the command line.</summary>
public sealed record RunnerOptions
{
    public const string Usage = """
        usage: conformance --target <url> --operator-key <key> --reviewer-key <key>
                           [--only <regex>] [--junit <file>] [--json <file>] [--suite <dir>] [--time-scale <factor>]
          --target        the service's base address, e.g. http://127.0.0.1:5080
          --operator-key  an API key with the operator role; --reviewer-key one with the reviewer role
          --only          run only the cases whose name matches this regular expression
          --junit/--json  also write the results as JUnit XML / JSON
          --suite         the folder holding conformance/, fixtures/ and schemas/ (default: found upwards from here)
          --time-scale    multiplies every time limit of the cases (a slower service or price replay: > 1)
        """;

    public required Uri Target { get; init; }

    public required string OperatorKey { get; init; }

    public required string ReviewerKey { get; init; }

    public string? Only { get; init; }

    public string? JunitPath { get; init; }

    public string? JsonPath { get; init; }

    public required string SuiteRoot { get; init; }

    public double TimeScale { get; init; } = 1;

    /// <summary>The options of <paramref name="args"/>, or the reason they are not usable.</summary>
    public static (RunnerOptions? Options, string? Error) Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
            {
                return (null, $"'{args[i]}' is not an option with a value");
            }

            values[args[i][2..]] = args[++i];
        }

        string? Take(string name) => values.Remove(name, out var value) ? value : null;
        var target = Take("target");
        var operatorKey = Take("operator-key");
        var reviewerKey = Take("reviewer-key");
        var only = Take("only");
        var junit = Take("junit");
        var json = Take("json");
        var suite = Take("suite") ?? SuiteLocator.FindUpwards(Directory.GetCurrentDirectory());
        var scale = Take("time-scale");
        if (values.Count > 0)
        {
            return (null, $"unknown option --{values.Keys.First()}");
        }

        if (target is null || !Uri.TryCreate(target, UriKind.Absolute, out var uri))
        {
            return (null, "--target must be an absolute URL");
        }

        if (operatorKey is null || reviewerKey is null)
        {
            return (null, "--operator-key and --reviewer-key are required");
        }

        if (suite is null)
        {
            return (null, "no conformance/ folder here or above: pass --suite");
        }

        var timeScale = 1.0;
        if (scale is not null && (!double.TryParse(scale, System.Globalization.CultureInfo.InvariantCulture, out timeScale) || timeScale <= 0))
        {
            return (null, "--time-scale must be a positive number");
        }

        return (new RunnerOptions
        {
            Target = uri,
            OperatorKey = operatorKey,
            ReviewerKey = reviewerKey,
            Only = only,
            JunitPath = junit,
            JsonPath = json,
            SuiteRoot = suite,
            TimeScale = timeScale,
        }, null);
    }
}
