using System.Text.Json;
using NJsonSchema;
using NJsonSchema.Validation;

namespace Polytraders.Trading.Validation;

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
            // NJsonSchema reads the document again with Newtonsoft.Json, which holds an integer beyond 64 bits as a
            // BigInteger that its number checks cannot convert (InvalidCastException): no contract has such a number,
            // so it is refused here, by its place, before the schema sees it.
            var beyondRange = new List<ContractViolation>();
            FindIntegersBeyondInt64(document.RootElement, "#", schema, beyondRange);
            if (beyondRange.Count > 0)
            {
                return Ordered(beyondRange);
            }

            ICollection<ValidationError> schemaErrors;
            try
            {
                schemaErrors = jsonSchema.Validate(json);
            }
            catch (Exception e) when (e is InvalidCastException or OverflowException or FormatException or ArgumentException or Newtonsoft.Json.JsonException)
            {
                // Whatever else the schema library cannot read is still the sender's document, never a server failure.
                return [new ContractViolation(SchemaErrorCodes.ForUnreadable(schema), "Unreadable", "#", $"The document cannot be checked against {schema}: {e.GetType().Name}.")];
            }


            if (schemaErrors.Count > 0)
            {
                return Ordered(Flatten(schemaErrors).Select(e =>
                {
                    var path = JsonPointer(e.Path);
                    return new ContractViolation(SchemaErrorCodes.For(schema, e.Kind, path), e.Kind.ToString(), path, Describe(e, path));
                }));
            }

            return Ordered(_rules[schema].SelectMany(rule => rule.Check(document.RootElement)));
        }
    }

    /// <summary>Every integer literal outside <see cref="long"/>'s range (fractions and exponents are left to the schema).</summary>
    private static void FindIntegersBeyondInt64(JsonElement element, string path, string schema, List<ContractViolation> found)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    FindIntegersBeyondInt64(property.Value, $"{path}/{property.Name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal)}", schema, found);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    FindIntegersBeyondInt64(item, $"{path}/{index++}", schema, found);
                }

                break;
            case JsonValueKind.Number when !element.TryGetInt64(out _) && IsIntegerLiteral(element.GetRawText()):
                found.Add(new ContractViolation(
                    SchemaErrorCodes.ForUnreadable(schema),
                    "NumberOutOfRange",
                    path,
                    $"'{path}' is an integer outside -9223372036854775808..9223372036854775807"));
                break;
        }
    }

    private static bool IsIntegerLiteral(string raw) => raw.AsSpan().IndexOfAny('.', 'e', 'E') < 0;

    /// <summary>By path, then rule (ordinal, stable): the same document always reads the same.</summary>
    private static List<ContractViolation> Ordered(IEnumerable<ContractViolation> violations) =>
        violations.OrderBy(v => v.Path, StringComparer.Ordinal).ThenBy(v => v.Rule, StringComparer.Ordinal).ToList();

    /// <summary>
    /// An invalid array item is reported by what is wrong inside it (<c>PatternMismatch at #/codes/1/code</c>), not as
    /// <c>ArrayItemNotValid at #/codes[1]</c>; items of items likewise. Other grouped errors (<c>oneOf</c>) stay whole.
    /// </summary>
    private static IEnumerable<ValidationError> Flatten(IEnumerable<ValidationError> errors) =>
        errors.SelectMany(error =>
            error is ChildSchemaValidationError { Kind: ValidationErrorKind.ArrayItemNotValid } item && item.Errors.Values.Any(e => e.Count > 0)
                ? Flatten(item.Errors.Values.SelectMany(e => e))
                : [error]);

    /// <summary>
    /// NJsonSchema names places as <c>#/risk_limits.price_band</c> and <c>#/codes[1].code</c>; contracts name them as JSON
    /// pointers, <c>#/risk_limits/price_band</c> and <c>#/codes/1/code</c>, the document itself as <c>#</c>. Contract
    /// property names hold no dots, brackets, <c>/</c> or <c>~</c>, so the mapping is exact.
    /// </summary>
    internal static string JsonPointer(string? path)
    {
        var relative = (path ?? "#").TrimStart('#').TrimStart('/');
        var pointer = relative.Replace("]", "", StringComparison.Ordinal).Replace('[', '.').Replace('.', '/').Trim('/');
        return pointer.Length == 0 ? "#" : "#/" + pointer;
    }

    private static string Describe(ValidationError error, string path)
    {
        var what = string.IsNullOrEmpty(error.Property) ? path : error.Property;
        return error.Kind switch
        {
            ValidationErrorKind.PatternMismatch => $"'{what}' does not match {error.Schema?.Pattern}",
            ValidationErrorKind.PropertyRequired => $"'{what}' is required",
            ValidationErrorKind.NoAdditionalPropertiesAllowed => $"'{what}' is not a known field",
            ValidationErrorKind.TooManyItems => $"'{what}' has more than {error.Schema?.MaxItems} items",
            ValidationErrorKind.NotInEnumeration => $"'{what}' is not one of {string.Join(", ", error.Schema?.Enumeration ?? [])}",
            _ => $"'{what}': {error.Kind}",
        };
    }
}
