using System.Text.Json;
using NJsonSchema;
using NJsonSchema.Validation;

namespace Polytraders.Grains.Contracts;

/// <summary>
/// Validates a JSON document against its schema from <c>schemas/</c>, then against the C# rules of its contract.
/// Used by the gateway for request bodies, by grains for what they accept, and by the fixture verifier.
/// </summary>
public sealed class ContractValidator
{
    private readonly IReadOnlyDictionary<string, JsonSchema> _schemas;
    private readonly ILookup<string, ContractRule> _rules;

    private ContractValidator(IReadOnlyDictionary<string, JsonSchema> schemas, IEnumerable<ContractRule> rules)
    {
        _schemas = schemas;
        _rules = rules.ToLookup(r => r.Schema, StringComparer.Ordinal);
    }

    /// <summary>Schemas shipped beside the binaries (see Grains.csproj).</summary>
    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "schemas");

    public IEnumerable<string> SchemaTitles => _schemas.Keys;

    public static async Task<ContractValidator> LoadAsync(IEnumerable<ContractRule> rules, string? directory = null, CancellationToken cancellationToken = default)
    {
        var schemas = new Dictionary<string, JsonSchema>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(directory ?? DefaultDirectory, "*.json").Order(StringComparer.Ordinal))
        {
            var schema = await JsonSchema.FromFileAsync(file, cancellationToken).ConfigureAwait(false);
            if (schema.Title is { } title && schema.Type != JsonObjectType.None)
            {
                schemas[title] = schema;
            }
        }

        return new ContractValidator(schemas, rules);
    }

    /// <summary>Every violation of <paramref name="json"/> against the contract titled <paramref name="schema"/>; empty when valid.</summary>
    public IReadOnlyList<ContractViolation> Validate(string schema, string json)
    {
        if (!_schemas.TryGetValue(schema, out var jsonSchema))
        {
            throw new ArgumentException($"No contract schema titled '{schema}'.", nameof(schema));
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            return [new ContractViolation(SchemaErrorCodes.ForUnreadable(schema), "InvalidJson", "#", e.Message)];
        }

        using (document)
        {
            var schemaErrors = jsonSchema.Validate(json);
            if (schemaErrors.Count > 0)
            {
                return schemaErrors
                    .OrderBy(e => e.Path, StringComparer.Ordinal)
                    .ThenBy(e => e.Kind)
                    .Select(e => new ContractViolation(SchemaErrorCodes.For(schema, e), e.Kind.ToString(), e.Path ?? "#", Describe(e)))
                    .ToList();
            }

            return _rules[schema].SelectMany(rule => rule.Check(document.RootElement)).ToList();
        }
    }

    private static string Describe(ValidationError error) => error.Kind switch
    {
        ValidationErrorKind.PatternMismatch => $"'{error.Property}' does not match {error.Schema?.Pattern}",
        ValidationErrorKind.PropertyRequired => $"'{error.Property}' is required",
        ValidationErrorKind.NoAdditionalPropertiesAllowed => $"'{error.Property}' is not a known field",
        ValidationErrorKind.TooManyItems => $"'{error.Property}' has more than {error.Schema?.MaxItems} items",
        ValidationErrorKind.NotInEnumeration => $"'{error.Property}' is not one of {string.Join(", ", error.Schema?.Enumeration ?? [])}",
        _ => $"'{error.Property ?? "document"}': {error.Kind}",
    };
}
