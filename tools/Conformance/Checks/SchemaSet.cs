using System.Collections.Concurrent;
using NJsonSchema;

namespace Polytraders.Conformance;

/// <summary>The contracts of schemas/ (JSON Schema draft-07), loaded once each, that answers and envelopes are checked against.</summary>
public sealed class SchemaSet(string schemasFolder)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<JsonSchema>>> _schemas = new(StringComparer.Ordinal);

    /// <summary>The first rule <paramref name="json"/> breaks, as "Rule at path", or null when it is a valid <paramref name="contract"/>.</summary>
    public async Task<string?> FirstViolationAsync(string contract, string json)
    {
        var schema = await _schemas.GetOrAdd(contract, name => new Lazy<Task<JsonSchema>>(() => JsonSchema.FromFileAsync(Path.Combine(schemasFolder, $"{name}.json")))).Value;
        var first = schema.Validate(json).FirstOrDefault();
        return first is null ? null : $"{first.Kind} at {first.Path}";
    }
}
