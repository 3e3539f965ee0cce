using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;

namespace Polytraders.Conformance;

/// <summary>
/// The audit chain rule, re-computed from the envelopes as served: link n has <c>sequence</c> n (from 1), its
/// <c>prev_hash</c> is link n-1's <c>hash</c> (64 zeros for the first), and its <c>hash</c> is the lower-case hex
/// SHA-256 of its canonical JSON: compact UTF-8 JSON, top-level members in the order of AuditEnvelope.json's
/// <c>properties</c> (absent ones left out), <c>hash</c> written as <c>""</c>, every other value as served.
/// </summary>
public sealed class ChainHash(IReadOnlyList<string> memberOrder)
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>The member order of the AuditEnvelope contract.</summary>
    public static ChainHash FromSchema(string auditEnvelopeSchemaPath)
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(auditEnvelopeSchemaPath));
        return new ChainHash([.. schema.RootElement.GetProperty("properties").EnumerateObject().Select(p => p.Name)]);
    }

    public string HashOf(JsonElement envelope)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var name in memberOrder)
            {
                if (!envelope.TryGetProperty(name, out var value))
                {
                    continue;
                }

                writer.WritePropertyName(name);
                if (name == "hash")
                {
                    writer.WriteStringValue(string.Empty);
                }
                else
                {
                    writer.WriteRawValue(value.GetRawText(), skipInputValidation: true);
                }
            }

            writer.WriteEndObject();
        }

        return Convert.ToHexStringLower(SHA256.HashData(buffer.WrittenSpan));
    }

    /// <summary>The first link of <paramref name="chain"/> (read oldest first, from its start) that breaks the rule, or null.</summary>
    public string? FirstBreak(IReadOnlyList<JsonElement> chain)
    {
        var previous = Genesis;
        for (var i = 0; i < chain.Count; i++)
        {
            var envelope = chain[i];
            var sequence = envelope.TryGetProperty("sequence", out var s) && s.TryGetInt64(out var n) ? n : -1;
            var problem =
                sequence != i + 1 ? $"sequence {sequence} where {i + 1} was expected"
                : Text(envelope, "prev_hash") != previous ? $"sequence {sequence}: prev_hash is not the hash of the link before"
                : Text(envelope, "hash") != HashOf(envelope) ? $"sequence {sequence}: hash is not the SHA-256 of its canonical JSON"
                : null;
            if (problem is not null)
            {
                return problem;
            }

            previous = Text(envelope, "hash");
        }

        return null;
    }

    private static string? Text(JsonElement envelope, string name) =>
        envelope.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
