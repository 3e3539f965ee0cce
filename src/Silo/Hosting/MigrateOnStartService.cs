using Microsoft.Extensions.Options;
using Polytraders.Silo.Postgres;

namespace Polytraders.Silo.Hosting;

/// <summary>
/// Applies pending PostgreSQL migrations when <c>Storage:MigrateOnStart</c> is set. Registered before Orleans, so the
/// ADO.NET providers (which read their SQL from the database as they start) find the schema in place.
/// </summary>
public sealed class MigrateOnStartService(IOptions<StorageOptions> storage, ILogger<PostgresMigrator> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken) =>
        await new PostgresMigrator(logger).ApplyAsync(storage.Value.EffectiveMigrationConnectionString, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
