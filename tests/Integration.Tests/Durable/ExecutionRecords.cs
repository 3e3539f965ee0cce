using System.Text.Json;
using Polytraders.Grains.Execution;
using Polytraders.Integration.Tests.Postgres;

namespace Polytraders.Integration.Tests.Durable;

/// <summary>The order grains' records as PostgreSQL stores them: whether anything is left for a recovery to finish.</summary>
internal static class ExecutionRecords
{
    /// <summary>
    /// Every order grain's idempotency record as stored (one row per client order id): client order id → (status,
    /// whether work is left, whether an order was signed). Orleans' ADO.NET storage writes grain state as JSON (its
    /// default grain-storage serializer, Newtonsoft with $type/$values).
    /// </summary>
    public static async Task<Dictionary<string, (ExecutionStatus Status, bool Pending, bool Signed)>> ReadAsync(PostgresDatabase database)
    {
        var payloads = await database.ListAsync<byte[]>("SELECT PayloadBinary FROM OrleansStorage WHERE GrainTypeString = 'order' AND PayloadBinary IS NOT NULL");
        var records = new Dictionary<string, (ExecutionStatus, bool, bool)>(StringComparer.Ordinal);
        foreach (var payload in payloads.OfType<byte[]>())
        {
            using var json = JsonDocument.Parse(payload);
            if (!json.RootElement.TryGetProperty("Record", out var record) || record.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            // Default values (status 0 = Submitted, false, null, empty) may be left out of the JSON.
            var status = record.TryGetProperty("Status", out var s) ? (ExecutionStatus)s.GetInt32() : ExecutionStatus.Submitted;
            var queued = !record.TryGetProperty("Outbox", out var outbox) || outbox.ValueKind == JsonValueKind.Null ? 0
                : (outbox.ValueKind == JsonValueKind.Array ? outbox : outbox.GetProperty("$values")).GetArrayLength();
            var notify = record.TryGetProperty("NotifyPending", out var n) && n.GetBoolean();
            var pending = status is ExecutionStatus.Submitting || queued > 0 || notify;
            var clientOrderId = record.GetProperty("Intent").GetProperty("ClientOrderId").GetString()!;
            records[clientOrderId] = (status, pending, record.TryGetProperty("Order", out var o) && o.ValueKind == JsonValueKind.Object);
        }

        return records;
    }
}
