using System.Text.Json.Nodes;

namespace Polytraders.Conformance;

/// <summary>One case: steps run in order until one fails; cleanup steps run afterwards whatever happened.</summary>
public sealed record ConformanceCase(string Name, string Description, IReadOnlyList<CaseStep> Steps, IReadOnlyList<CaseStep> Cleanup)
{
    /// <summary>The price file (under conformance/prices/) the service must replay for this case's time limits to hold.</summary>
    public string? Prices { get; init; }
}

/// <summary>A request with what its answer must be, or a read of an audit chain with the envelopes it must hold.</summary>
public sealed record CaseStep
{
    public string Name { get; init; } = "";

    public RequestSpec? Request { get; init; }

    public ResponseExpectation? Expect { get; init; }

    /// <summary>Repeat the request until its answer matches, for this long (e.g. a Backtest until it has completed).</summary>
    public double? UntilSeconds { get; init; }

    public AuditExpectation? Audit { get; init; }
}

/// <summary>
/// A request: <c>as</c> operator, reviewer or anonymous; the body is a fixture read by path (<c>body</c>) with
/// members replaced by dotted path (<c>set</c>, e.g. <c>parameters.order_size</c>). Paths and values may name saved
/// values as <c>{name}</c>.
/// </summary>
public sealed record RequestSpec
{
    public string As { get; init; } = "operator";

    public string Method { get; init; } = "GET";

    public required string Path { get; init; }

    public string? Body { get; init; }

    public JsonObject? Set { get; init; }
}

/// <summary>
/// What an answer must be: its status; its contract (the schema its body must validate against); for a refusal its
/// <c>reason_code</c> and the violations (rule and JSON path) it names; fields by dotted path; values to save.
/// </summary>
public sealed record ResponseExpectation
{
    public int Status { get; init; }

    public string? Contract { get; init; }

    public string? ReasonCode { get; init; }

    public IReadOnlyList<ViolationSpec> Violations { get; init; } = [];

    public JsonObject? Fields { get; init; }

    public IReadOnlyDictionary<string, string> Save { get; init; } = new Dictionary<string, string>();
}

public sealed record ViolationSpec(string Rule, string Path);

/// <summary>
/// Envelopes an audit chain must gain during the case (after its length when the case started), in this order, not
/// necessarily next to each other, within the time limit. <c>chain</c> is the chain's read path, e.g.
/// <c>/api/v1/audit?portfolioId=PORT-001</c> or <c>/api/v1/backtests/{backtest}/audit</c>.
/// </summary>
public sealed record AuditExpectation
{
    public required string Chain { get; init; }

    /// <summary>Who reads it: reviewer (default) or operator (a Backtest's chain is operators' only).</summary>
    public string As { get; init; } = "reviewer";

    /// <summary>How the chain pages: <c>cursor</c> (the page's <c>next_cursor</c>) or <c>after</c> (the last sequence read).</summary>
    public string PageBy { get; init; } = "cursor";

    public double WithinSeconds { get; init; } = 10;

    public IReadOnlyList<EnvelopeExpectation> Expect { get; init; } = [];
}

/// <summary>An envelope with this reason code whose fields (dotted paths, e.g. <c>payload.market_id</c>) match.</summary>
public sealed record EnvelopeExpectation
{
    public required string ReasonCode { get; init; }

    public JsonObject? Fields { get; init; }
}
