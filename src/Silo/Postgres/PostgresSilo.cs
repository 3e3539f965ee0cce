using Polytraders.Grains;
using Polytraders.Trading.Audit;

namespace Polytraders.Silo.Postgres;

/// <summary>
/// The durable profile: Orleans membership, grain state (including the streams' pub/sub), reminders and the audit trail
/// in PostgreSQL; memory streams (prices are re-published by their source, so a lost in-flight tick costs nothing).
/// The schema must be migrated first (<see cref="PostgresMigrator"/>).
/// </summary>
public static class PostgresSilo
{
    public static DeploymentProfile Profile { get; } = new(DurableStorage: true, Name: "postgres");

    public static ISiloBuilder Configure(ISiloBuilder silo, IConfiguration configuration, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.UsePolytradersPostgres(new PostgresOptions { ConnectionString = connectionString });
        silo.AddMemoryStreams(StreamNames.Provider);
        // Registered before AddPolytradersGrains, whose in-memory audit store is only a fallback (TryAdd).
        silo.Services.AddSingleton<IAuditStore>(_ => new PostgresAuditStore(connectionString));
        silo.Services.AddPolytradersGrains(configuration, Profile);
        return silo;
    }
}
