using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;
using Polytraders.Grains;
using Polytraders.Grains.Execution;
using Polytraders.Grains.Serialization;
using Polytraders.Integration.Tests.Postgres;

namespace Polytraders.Integration.Tests.Durable;

/// <summary>The order grains' records as PostgreSQL stores them: whether anything is left for a recovery to finish.</summary>
internal static class ExecutionRecords
{
    /// <summary>Reads grain state as the silo writes it: Orleans' binary serializer with the silo's codecs.</summary>
    private static readonly Lazy<IGrainStorageSerializer> Storage = new(() =>
    {
        var services = new ServiceCollection()
            .AddSerializer(serializer => serializer.AddAssembly(typeof(OrderGrainState).Assembly).AddAssembly(typeof(IOrderGrain).Assembly))
            .AddCoreStateSerialization()
            .BuildServiceProvider();
        return new OrleansGrainStorageSerializer(services.GetRequiredService<Serializer>());
    });

    /// <summary>
    /// Every order grain's idempotency record as stored (one row per client order id): client order id → (status,
    /// whether work is left, whether an order was signed).
    /// </summary>
    public static async Task<Dictionary<string, (ExecutionStatus Status, bool Pending, bool Signed)>> ReadAsync(PostgresDatabase database)
    {
        var payloads = await database.ListAsync<byte[]>("SELECT PayloadBinary FROM OrleansStorage WHERE GrainTypeString = 'order' AND PayloadBinary IS NOT NULL");
        var records = new Dictionary<string, (ExecutionStatus, bool, bool)>(StringComparer.Ordinal);
        foreach (var payload in payloads.OfType<byte[]>())
        {
            if (Storage.Value.Deserialize<OrderGrainState>(new BinaryData(payload))?.Record is { } record)
            {
                records[record.Intent.ClientOrderId] = (record.Status, record.IsPending, record.Order is not null);
            }
        }

        return records;
    }
}
