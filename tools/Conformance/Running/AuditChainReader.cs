using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;

namespace Polytraders.Conformance;

/// <summary>
/// Reads a whole audit chain page by page and trusts none of it: every envelope must validate against
/// AuditEnvelope.json, and the chain is re-hashed from its first link (<see cref="ChainHash"/>), not taken from the
/// service's own verification.
/// </summary>
public sealed class AuditChainReader(ServiceClient service, SchemaSet schemas, ChainHash chainHash)
{
    private const int PageSize = 1000;

    /// <summary>Envelopes already found valid (by their text): a chain is read again on every poll of a case.</summary>
    private readonly ConcurrentDictionary<string, byte> _valid = new(StringComparer.Ordinal);

    public async Task<IReadOnlyList<JsonElement>> ReadAsync(string chainPath, string role, string pageBy, CancellationToken cancellationToken)
    {
        var envelopes = new List<JsonElement>();
        string? cursor = null;
        while (true)
        {
            var separator = chainPath.Contains('?', StringComparison.Ordinal) ? '&' : '?';
            var page = pageBy == "after"
                ? $"{chainPath}{separator}limit={PageSize}&after={envelopes.Count.ToString(CultureInfo.InvariantCulture)}"
                : $"{chainPath}{separator}limit={PageSize}" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}");
            var answer = await service.SendAsync(role, HttpMethod.Get, page, null, cancellationToken);
            if (answer.Status != 200)
            {
                throw new CaseFailedException($"audit {chainPath}: status {answer.Status} {answer.ReasonCode}");
            }

            using var document = JsonDocument.Parse(answer.Body);
            var items = document.RootElement.TryGetProperty("items", out var list) && list.ValueKind == JsonValueKind.Array
                ? list.EnumerateArray().Select(e => e.Clone()).ToList()
                : throw new CaseFailedException($"audit {chainPath}: the answer holds no items");
            foreach (var envelope in items)
            {
                await ValidateAsync(chainPath, envelope);
            }

            envelopes.AddRange(items);
            cursor = document.RootElement.TryGetProperty("next_cursor", out var next) ? next.GetString() : null;
            var more = pageBy == "after" ? items.Count == PageSize : cursor is not null;
            if (!more || items.Count == 0)
            {
                break;
            }
        }

        if (chainHash.FirstBreak(envelopes) is { } broken)
        {
            throw new CaseFailedException($"audit {chainPath}: chain broken: {broken}");
        }

        return envelopes;
    }

    private async Task ValidateAsync(string chainPath, JsonElement envelope)
    {
        var text = envelope.GetRawText();
        if (_valid.ContainsKey(text))
        {
            return;
        }

        if (await schemas.FirstViolationAsync("AuditEnvelope", text) is { } violation)
        {
            var sequence = envelope.TryGetProperty("sequence", out var s) ? s.GetRawText() : "?";
            throw new CaseFailedException($"audit {chainPath}: envelope {sequence} is not an AuditEnvelope: {violation}");
        }

        _valid.TryAdd(text, 0);
    }
}
