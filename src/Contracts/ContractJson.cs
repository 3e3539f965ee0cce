using System.Text.Json;

namespace Polytraders.Contracts;

/// <summary>The one JSON setting for contracts: names and enum spellings come from the generated attributes.</summary>
public static class ContractJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.General)
    {
        WriteIndented = false,
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    /// <summary>The same text as <see cref="Serialize{T}"/>, as UTF-8 bytes (what the audit chain hashes).</summary>
    public static byte[] SerializeToUtf8Bytes<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Options);

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"null is not a {typeof(T).Name}");
}
