using System.Buffers;
using System.Text.Json;

namespace Polytraders.Contracts;

/// <summary>The one JSON setting for contracts: names and enum spellings come from the generated attributes.</summary>
public static class ContractJson
{
    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.General)
    {
        WriteIndented = false,
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    /// <summary>The same text as <see cref="Serialize{T}"/>, as UTF-8 bytes (what the audit chain hashes).</summary>
    public static byte[] SerializeToUtf8Bytes<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Options);

    /// <summary>
    /// The same bytes as <see cref="SerializeToUtf8Bytes{T}"/>, written to <paramref name="buffer"/> through a writer
    /// each thread keeps: for a caller that serializes on every decision and reuses its buffer.
    /// </summary>
    public static void SerializeTo<T>(IBufferWriter<byte> buffer, T value)
    {
        var writer = t_writer ??= new Utf8JsonWriter(buffer);
        writer.Reset(buffer);
        JsonSerializer.Serialize(writer, value, Options);
        writer.Flush();
    }

    /// <summary>
    /// The same bytes as <see cref="SerializeTo{T}"/> for an envelope, written by compile-time generated code: what the
    /// audit chain hashes on every decision.
    /// </summary>
    public static void SerializeEnvelopeTo(IBufferWriter<byte> buffer, AuditEnvelope envelope)
    {
        var writer = t_writer ??= new Utf8JsonWriter(buffer);
        writer.Reset(buffer);
        JsonSerializer.Serialize(writer, envelope, ContractJsonContext.Default.AuditEnvelope);
        writer.Flush();
    }

    public static T DeserializeUtf8<T>(ReadOnlySpan<byte> utf8Json) =>
        JsonSerializer.Deserialize<T>(utf8Json, Options) ?? throw new JsonException($"null is not a {typeof(T).Name}");

    /// <summary>An enum value as the contracts spell it (<c>limited_live</c>, <c>docs-complete</c>).</summary>
    public static string NameOf<TEnum>(TEnum value)
        where TEnum : struct, Enum => Serialize(value).Trim('"');

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"null is not a {typeof(T).Name}");
}
