using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Polytraders.Polymarket.Clob;

/// <summary>
/// How the CLOB's JSON is read. Its numbers arrive as JSON numbers in some places and as strings in others
/// (".48", "0.5", "" for zero; timestamps as "1672290701"), so decimals and integers are read leniently.
/// </summary>
public static class ClobJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new LenientDecimalConverter(), new LenientInt64Converter() },
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };

    /// <summary>Parses a decimal the way the CLOB writes them: optional leading dot, no exponent needed, invariant culture.</summary>
    public static decimal ParseDecimal(string text) =>
        decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    public static bool TryParseDecimal(string? text, out decimal value) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    private sealed class LenientDecimalConverter : JsonConverter<decimal>
    {
        public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
        {
            JsonTokenType.Number => reader.GetDecimal(),
            JsonTokenType.String when reader.GetString() is { Length: > 0 } text => ParseDecimal(text),
            JsonTokenType.String => 0m,
            _ => throw new JsonException($"Expected a decimal, found {reader.TokenType}."),
        };

        public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString(CultureInfo.InvariantCulture));
    }

    private sealed class LenientInt64Converter : JsonConverter<long>
    {
        public override long Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
        {
            JsonTokenType.Number => reader.GetInt64(),
            JsonTokenType.String when reader.GetString() is { Length: > 0 } text => long.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture),
            JsonTokenType.String => 0L,
            _ => throw new JsonException($"Expected an integer, found {reader.TokenType}."),
        };

        public override void Write(Utf8JsonWriter writer, long value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
    }
}
