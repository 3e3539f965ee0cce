using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Polytraders.Conformance;

/// <summary>
/// Expected values in cases: a string starting with <c>~</c> is a regular expression the value must match, any other
/// value must equal (numbers by value; an object's listed members only; null: absent or null). Strings may name saved
/// values as <c>{name}</c>.
/// </summary>
internal static class ValueMatcher
{
    /// <summary>The first difference between the fields of <paramref name="document"/> and <paramref name="expected"/>, or null.</summary>
    public static string? FirstDifference(JsonNode? document, JsonObject? expected, Func<string, string> substitute)
    {
        foreach (var (path, want) in expected ?? [])
        {
            if (Difference(At(document, path), want, substitute) is { } difference)
            {
                return $"{path}: {difference}";
            }
        }

        return null;
    }

    /// <summary>The value at a dotted path (<c>payload.market_id</c>, <c>items.0.hash</c>), or null.</summary>
    public static JsonNode? At(JsonNode? node, string path)
    {
        foreach (var segment in path.Split('.'))
        {
            node = node switch
            {
                JsonObject o => o[segment],
                JsonArray a when int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < a.Count => a[i],
                _ => null,
            };
        }

        return node;
    }

    private static string? Difference(JsonNode? actual, JsonNode? expected, Func<string, string> substitute)
    {
        if (expected is null)
        {
            return actual is null ? null : $"expected nothing, got {Show(actual)}";
        }

        if (expected is JsonObject fields)
        {
            return actual is JsonObject ? FirstDifference(actual, fields, substitute) : $"expected an object, got {Show(actual)}";
        }

        if (expected is JsonValue value && value.TryGetValue<string>(out var text))
        {
            text = substitute(text);
            var got = actual is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : actual?.ToJsonString();
            if (text.StartsWith('~'))
            {
                return got is not null && Regex.IsMatch(got, text[1..], RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1))
                    ? null
                    : $"expected a match of /{text[1..]}/, got {Show(actual)}";
            }

            return got == text && actual?.GetValueKind() == JsonValueKind.String ? null : $"expected \"{text}\", got {Show(actual)}";
        }

        if (expected.GetValueKind() == JsonValueKind.Number && actual?.GetValueKind() == JsonValueKind.Number)
        {
            return expected.GetValue<decimal>() == actual.GetValue<decimal>() ? null : $"expected {expected.ToJsonString()}, got {Show(actual)}";
        }

        return JsonNode.DeepEquals(actual, expected) ? null : $"expected {expected.ToJsonString()}, got {Show(actual)}";
    }

    public static string Show(JsonNode? node)
    {
        var text = node?.ToJsonString() ?? "nothing";
        return text.Length > 120 ? text[..117] + "..." : text;
    }
}
