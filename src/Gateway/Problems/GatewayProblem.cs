using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using Polytraders.Contracts;
using Polytraders.Trading.Validation;

namespace Polytraders.Gateway.Problems;

/// <summary>
/// RFC 7807 problem details of the gateway: every refusal carries the registered <c>reason_code</c>, validation refusals
/// also the <c>violations</c> (rule, path, message). The status comes from the code's registry entry.
/// </summary>
public static class GatewayProblem
{
    public const string ReasonCodeKey = "reason_code";
    public const string ViolationsKey = "violations";
    public const string ContentType = "application/problem+json";

    /// <summary>Where the meaning of a reason code is published: the registry endpoint, anchored at the code.</summary>
    public static string TypeOf(string reasonCode) => $"/api/v1/reason-codes#{reasonCode}";

    /// <summary>The status a refusal with <paramref name="reasonCode"/> answers with: its registry HttpStatus, else <paramref name="fallback"/>.</summary>
    public static int StatusOf(string reasonCode, int fallback = StatusCodes.Status409Conflict) =>
        ReasonCodes.IsRegistered(reasonCode) && ReasonCodes.Describe(reasonCode).HttpStatus is { } status
            ? (int)status
            : fallback;

    public static ProblemDetails For(string reasonCode, string detail, int? status = null)
    {
        var problem = new ProblemDetails
        {
            Type = TypeOf(reasonCode),
            Title = ReasonCodes.IsRegistered(reasonCode) ? ReasonCodes.Describe(reasonCode).Meaning : reasonCode,
            Status = status ?? StatusOf(reasonCode),
            Detail = detail,
        };
        problem.Extensions[ReasonCodeKey] = reasonCode;
        return problem;
    }

    /// <summary>400 for a document that breaks its contract; the detail names each broken rule and where.</summary>
    public static ProblemDetails ForViolations(IReadOnlyList<ContractViolation> violations, string what)
    {
        // The most specific code wins: a scope rule says more than "the launch breaks its schema".
        var lead = violations.FirstOrDefault(v => v.ReasonCode is not (ReasonCodes.StratInvalidLaunch or ReasonCodes.GovInvalidRequest))
                   ?? violations[0];
        var detail = $"{what} breaks its contract: " + string.Join("; ", violations.Select(v => $"{v.Rule} at {ProblemViolation.JsonPointer(v.Path)}: {v.Message}"));
        var problem = For(lead.ReasonCode, detail, StatusCodes.Status400BadRequest);
        problem.Extensions[ViolationsKey] = violations.Select(ProblemViolation.From).ToList();
        return problem;
    }

    /// <summary>400 for one bad field (a query parameter, a route/body mismatch).</summary>
    public static ProblemDetails ForInvalid(string reasonCode, string rule, string path, string message) =>
        ForViolations([new ContractViolation(reasonCode, rule, path, message)], "The request");

    public static IResult Result(ProblemDetails problem) => TypedResults.Problem(problem);

    public static IResult Result(string reasonCode, string detail, int? status = null) => Result(For(reasonCode, detail, status));
}

/// <summary>One broken rule as a problem's <c>violations</c> item.</summary>
public sealed record ProblemViolation(
    [property: JsonPropertyName("rule")] string Rule,
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("reason_code")] string ReasonCode)
{
    public static ProblemViolation From(ContractViolation violation) =>
        new(violation.Rule, JsonPointer(violation.Path), violation.Message, violation.ReasonCode);

    /// <summary>
    /// The schema validator names places as <c>#/market_scope.market_ids[3]</c>; problems name them as JSON pointers,
    /// <c>#/market_scope/market_ids/3</c>. Contract property names hold no dots or brackets, so the mapping is exact.
    /// Query parameters (<c>?limit</c>) and pointers pass unchanged.
    /// </summary>
    public static string JsonPointer(string path)
    {
        if (!path.StartsWith('#'))
        {
            return path;
        }

        var pointer = path.Replace(".", "/", StringComparison.Ordinal).Replace("[", "/", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal);
        return pointer.StartsWith("#//", StringComparison.Ordinal) ? "#/" + pointer[3..] : pointer;
    }
}
