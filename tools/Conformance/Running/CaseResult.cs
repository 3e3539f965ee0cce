namespace Polytraders.Conformance;

/// <summary>A case's outcome: <see cref="Failure"/> is the first difference, null when it passed.</summary>
public sealed record CaseResult(string Name, string Description, string? Failure, TimeSpan Duration)
{
    public bool Passed => Failure is null;

    public string Line => Passed
        ? $"PASS {Name} ({Duration.TotalSeconds:0.0} s)"
        : $"FAIL {Name}: {Failure}";
}

/// <summary>Every case's outcome, in the order they ran.</summary>
public sealed record SuiteResult(IReadOnlyList<CaseResult> Cases, TimeSpan Duration)
{
    public int Passed => Cases.Count(c => c.Passed);

    public int Failed => Cases.Count(c => !c.Passed);

    public string Summary => $"{Cases.Count} cases: {Passed} passed, {Failed} failed ({Duration.TotalSeconds:0.0} s)";
}
