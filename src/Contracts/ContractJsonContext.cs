using System.Text.Json;
using System.Text.Json.Serialization;

namespace Polytraders.Contracts;

/// <summary>
/// Compile-time serialization of the audit envelope, with the same settings as <see cref="ContractJson.Options"/>, so it
/// writes the same bytes: every decision is hashed (and the in-memory store keeps it) as canonical JSON, and the
/// reflection-based writer was a tenth of the trading path's CPU.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.General, WriteIndented = false)]
[JsonSerializable(typeof(AuditEnvelope))]
internal sealed partial class ContractJsonContext : JsonSerializerContext;
