using System.Text.Json;
using Polytraders.Grains.Execution;
using Polytraders.Integration.Tests.Postgres;

namespace Polytraders.Integration.Tests.Durable;

/// <summary>The execution grain's records as PostgreSQL stores them: whether anything is left for a recovery to finish.</summary>
internal static class ExecutionRecords
{
    /// <summary>
    /// The execution grain's idempotency records as stored: client order id → (status, whether work is left). Orleans'
    /// ADO.NET storage writes grain state as JSON (its default grain-storage serializer, Newtonsoft with $type/$values).
    /// </summary>
    public static async Task<Dictionary<string, (ExecutionStatus Status, bool Pending, bool Signed)>> ReadAsync(PostgresDatabase database)
    {
        var payload = await database.ScalarAsync<byte[]>("SELECT PayloadBinary FROM OrleansStorage WHERE GrainTypeString = 'execution'")
            ?? throw new InvalidOperationException("the execution grain has no stored state");
        using var json = JsonDocument.Parse(payload);
        var records = new Dictionary<string, (ExecutionStatus, bool, bool)>(StringComparer.Ordinal);
        foreach (var order in json.RootElement.GetProperty("Orders").EnumerateObject().Where(p => !p.Name.StartsWith('$')))
        {
            var record = order.Value;
            // Default values (status 0 = Accepted, false, null, empty) may be left out of the JSON.
            var status = record.TryGetProperty("Status", out var s) ? (ExecutionStatus)s.GetInt32() : ExecutionStatus.Accepted;
            var queued = !record.TryGetProperty("Outbox", out var outbox) || outbox.ValueKind == JsonValueKind.Null ? 0
                : (outbox.ValueKind == JsonValueKind.Array ? outbox : outbox.GetProperty("$values")).GetArrayLength();
            var notify = record.TryGetProperty("NotifyPending", out var n) && n.GetBoolean();
            var pending = status is ExecutionStatus.Accepted or ExecutionStatus.Signed or ExecutionStatus.Submitting || queued > 0 || notify;
            records[order.Name] = (status, pending, record.TryGetProperty("Order", out var o) && o.ValueKind == JsonValueKind.Object);
        }

        return records;
    }
}
