using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Polytraders.Conformance;

/// <summary>
/// Runs one case's steps in order against the service. The first difference ends the case (as a
/// <see cref="CaseFailedException"/>); audit expectations look only at envelopes appended after the case started.
/// </summary>
internal sealed partial class CaseRun(ConformanceCase definition, ServiceClient service, AuditChainReader chains, SchemaSet schemas, RunnerOptions options)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    private readonly Dictionary<string, string> _saved = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _marks = new(StringComparer.Ordinal);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (definition.Prices is { } prices && !File.Exists(Path.Combine(options.SuiteRoot, prices)))
        {
            throw new CaseFailedException($"the case declares the price path {prices}, which the suite does not hold");
        }

        // Each chain the case reads is measured first, so what it expects must be appended during the case.
        foreach (var audit in definition.Steps.Select(s => s.Audit).OfType<AuditExpectation>().Where(a => !a.Chain.Contains('{', StringComparison.Ordinal)).DistinctBy(a => a.Chain))
        {
            _marks[audit.Chain] = (await chains.ReadAsync(audit.Chain, audit.As, audit.PageBy, cancellationToken)).Count;
        }

        try
        {
            foreach (var step in definition.Steps)
            {
                await RunStepAsync(step, cancellationToken);
            }
        }
        finally
        {
            foreach (var step in definition.Cleanup)
            {
                try
                {
                    await RunStepAsync(step, cancellationToken);
                }
                catch (CaseFailedException)
                {
                    // A cleanup that finds nothing to undo (the case failed before it launched) is not a difference.
                }
            }
        }
    }

    private async Task RunStepAsync(CaseStep step, CancellationToken cancellationToken)
    {
        try
        {
            if (step.Request is { } request)
            {
                await RequestAsync(request, step.Expect ?? new ResponseExpectation { Status = 200 }, step.UntilSeconds, cancellationToken);
            }

            if (step.Audit is { } audit)
            {
                await AuditAsync(audit, cancellationToken);
            }
        }
        catch (CaseFailedException e) when (step.Name.Length > 0)
        {
            throw new CaseFailedException($"step '{step.Name}': {e.Message}");
        }
    }

    private async Task RequestAsync(RequestSpec request, ResponseExpectation expect, double? untilSeconds, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        var limit = TimeSpan.FromSeconds((untilSeconds ?? 0) * options.TimeScale);
        while (true)
        {
            var answer = await service.SendAsync(request.As, new HttpMethod(request.Method), Substitute(request.Path), Body(request), cancellationToken);
            var difference = await DifferenceAsync(answer, expect);
            if (difference is null)
            {
                foreach (var (name, path) in expect.Save)
                {
                    _saved[name] = ValueMatcher.At(answer.Json, path) is JsonValue v && v.TryGetValue<string>(out var text)
                        ? text
                        : throw new CaseFailedException($"{path}: nothing to save as {name}");
                }

                return;
            }

            if (deadline.Elapsed >= limit)
            {
                throw new CaseFailedException(untilSeconds is null ? difference : $"{difference} (still, after {limit.TotalSeconds:0} s)");
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    private async Task<string?> DifferenceAsync(ServiceAnswer answer, ResponseExpectation expect)
    {
        if (answer.Status != expect.Status)
        {
            return $"status: expected {expect.Status}, got {answer.Status}" + (answer.ReasonCode is { } code ? $" ({code})" : "");
        }

        if (answer.Status >= 400)
        {
            // Every refusal names a registered reason code, whether or not the case names which.
            if (answer.ReasonCode is not { } code || !ReasonCodePattern().IsMatch(code))
            {
                return $"reason_code: expected {expect.ReasonCode ?? "a reason code"}, got {(answer.ReasonCode is null ? "none" : $"\"{answer.ReasonCode}\"")}";
            }

            if (expect.ReasonCode is { } want && want != code)
            {
                return $"reason_code: expected {want}, got {code}";
            }
        }

        foreach (var violation in expect.Violations)
        {
            var named = (answer.Json?["violations"] as JsonArray ?? []).Any(v =>
                v?["rule"]?.GetValue<string>() == violation.Rule && v?["path"]?.GetValue<string>() == violation.Path);
            if (!named)
            {
                return $"violations: expected {violation.Rule} at {violation.Path}, got {ValueMatcher.Show(answer.Json?["violations"])}";
            }
        }

        if (expect.Contract is { } contract && await schemas.FirstViolationAsync(contract, answer.Body) is { } broken)
        {
            return $"the answer is not a {contract}: {broken}";
        }

        return ValueMatcher.FirstDifference(answer.Json, expect.Fields, Substitute);
    }

    private async Task AuditAsync(AuditExpectation audit, CancellationToken cancellationToken)
    {
        var chain = Substitute(audit.Chain);
        var mark = _marks.GetValueOrDefault(audit.Chain);
        var deadline = Stopwatch.StartNew();
        var limit = TimeSpan.FromSeconds(audit.WithinSeconds * options.TimeScale);
        while (true)
        {
            var envelopes = await chains.ReadAsync(chain, audit.As, audit.PageBy, cancellationToken);
            var missing = FirstMissing(envelopes.Skip(mark).Select(e => JsonNode.Parse(e.GetRawText())).ToList(), audit.Expect);
            if (missing is null)
            {
                return;
            }

            if (deadline.Elapsed >= limit)
            {
                throw new CaseFailedException($"audit {chain}: {missing} within {limit.TotalSeconds:0} s");
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    /// <summary>The first expected envelope the chain does not hold after the ones before it (an ordered subsequence), or null.</summary>
    private string? FirstMissing(IReadOnlyList<JsonNode?> envelopes, IReadOnlyList<EnvelopeExpectation> expected)
    {
        var at = 0;
        for (var i = 0; i < expected.Count; i++)
        {
            var want = expected[i];
            string? nearest = null;
            var found = false;
            for (; at < envelopes.Count && !found; at++)
            {
                if (envelopes[at]?["reason_code"]?.GetValue<string>() != want.ReasonCode)
                {
                    continue;
                }

                nearest = ValueMatcher.FirstDifference(envelopes[at], want.Fields, Substitute);
                found = nearest is null;
            }

            if (!found)
            {
                return $"expected {want.ReasonCode} (#{i + 1} of {expected.Count})" + (nearest is null ? ", none appended" : $", the last one differs: {nearest}");
            }
        }

        return null;
    }

    private string? Body(RequestSpec request)
    {
        if (request.Body is not { } path)
        {
            return null;
        }

        var body = CaseJson.ReadNode(Path.Combine(options.SuiteRoot, path));
        if (body is JsonObject document)
        {
            document.Remove(BadFixtureCases.WhyBad);
            foreach (var (member, value) in request.Set ?? [])
            {
                var segments = member.Split('.');
                var parent = segments[..^1].Aggregate(document, (node, name) => node[name] as JsonObject
                    ?? throw new InvalidDataException($"{definition.Name}: set {member}: the body has no object at {name}"));
                parent[segments[^1]] = value?.DeepClone();
            }
        }

        return Substitute(body).ToJsonString();
    }

    private JsonNode Substitute(JsonNode node) => node switch
    {
        JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(p.Key, p.Value is null ? null : Substitute(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(n => n is null ? null : Substitute(n))]),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => JsonValue.Create(Substitute(v.GetValue<string>())),
        _ => node.DeepClone(),
    };

    private string Substitute(string text) => SavedName().Replace(text, m =>
        _saved.TryGetValue(m.Groups[1].Value, out var value) ? value : throw new CaseFailedException($"nothing saved as {m.Groups[1].Value}"));

    [GeneratedRegex(@"\{([a-z][a-z0-9_]*)\}")]
    private static partial Regex SavedName();

    [GeneratedRegex(@"^(INTEL|DISC|STRAT|RISK|EXEC|SEC|GOV)_[A-Z0-9_]+$")]
    private static partial Regex ReasonCodePattern();
}
