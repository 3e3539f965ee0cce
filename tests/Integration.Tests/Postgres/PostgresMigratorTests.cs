using System.Diagnostics;
using Npgsql;
using Polytraders.Silo.Postgres;
using Xunit.Abstractions;

namespace Polytraders.Integration.Tests.Postgres;

[Collection(PostgresCollection.Name)]
public sealed class PostgresMigratorTests(PostgresServer server, ITestOutputHelper output)
{
    // Every key Microsoft.Orleans.*.AdoNet 10.4.2 reads from OrleansQuery (CleanupDefunctSiloEntryKey optional).
    private static readonly string[] OrleansQueryKeys =
    [
        "UpdateIAmAlivetimeKey", "InsertMembershipVersionKey", "InsertMembershipKey", "UpdateMembershipKey",
        "MembershipReadRowKey", "MembershipReadAllKey", "DeleteMembershipTableEntriesKey", "GatewaysQueryKey",
        "CleanupDefunctSiloEntriesKey", "CleanupDefunctSiloEntryKey",
        "WriteToStorageKey", "ReadFromStorageKey", "ClearStorageKey", "DeleteStorageKey",
        "UpsertReminderRowKey", "ReadReminderRowsKey", "ReadReminderRowKey", "ReadRangeRows1Key",
        "ReadRangeRows2Key", "DeleteReminderRowKey", "DeleteReminderRowsKey",
    ];

    [Fact]
    public void shipped_migrations_are_numbered_from_one_and_embedded()
    {
        var names = PostgresMigrator.Migrations.Select(m => m.ToString()).ToArray();

        Assert.Equal(
            ["0001_orleans_main", "0002_orleans_clustering", "0003_orleans_persistence", "0004_orleans_reminders", "0005_audit_envelope",
             "0006_audit_chains_and_app_role", "0007_governance_chains"],
            names);
    }

    [Fact]
    public async Task migration_applies_on_an_empty_database_and_a_second_run_applies_nothing()
    {
        var database = await CreateTimedDatabaseAsync();
        var migrator = new PostgresMigrator(TestLogging.For<PostgresMigrator>(output));

        var first = await migrator.ApplyAsync(database.ConnectionString, CancellationToken.None);
        var second = await migrator.ApplyAsync(database.ConnectionString, CancellationToken.None);

        Assert.Equal(PostgresMigrator.Migrations.Select(m => m.Version), first.Applied.Select(m => m.Version));
        Assert.Empty(first.AlreadyApplied);
        Assert.Empty(second.Applied);
        Assert.Equal(PostgresMigrator.Migrations.Count, second.AlreadyApplied.Count);
        Assert.Equal(PostgresMigrator.Migrations.Count, await database.ScalarAsync<long>("SELECT count(*) FROM schema_migrations"));
        output.WriteLine($"first run {first.Elapsed.TotalMilliseconds:F0} ms, second run {second.Elapsed.TotalMilliseconds:F0} ms");
    }

    [Fact]
    public async Task concurrent_runs_apply_each_migration_exactly_once()
    {
        var database = await server.CreateDatabaseAsync();
        var migrator = new PostgresMigrator(TestLogging.For<PostgresMigrator>(output));

        var reports = await Task.WhenAll(Enumerable.Range(0, 4)
            .Select(_ => Task.Run(() => migrator.ApplyAsync(database.ConnectionString, CancellationToken.None))));

        Assert.Equal(PostgresMigrator.Migrations.Count, reports.Sum(r => r.Applied.Count));
        Assert.Equal(PostgresMigrator.Migrations.Count, await database.ScalarAsync<long>("SELECT count(*) FROM schema_migrations"));
    }

    [Fact]
    public async Task migrated_database_holds_every_query_the_orleans_providers_read()
    {
        var database = await server.CreateDatabaseAsync();
        await new PostgresMigrator(TestLogging.For<PostgresMigrator>(output)).ApplyAsync(database.ConnectionString, CancellationToken.None);

        var keys = new List<string>();
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT QueryKey FROM OrleansQuery", connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            keys.Add(reader.GetString(0));
        }

        Assert.Equal(OrleansQueryKeys.Order(), keys.Order());
    }

    [Fact]
    public async Task an_applied_migration_whose_file_changed_is_refused()
    {
        var database = await server.CreateDatabaseAsync();
        var logger = TestLogging.For<PostgresMigrator>(output);
        await new PostgresMigrator(logger).ApplyAsync(database.ConnectionString, CancellationToken.None);
        var edited = PostgresMigrator.Migrations
            .Select(m => m.Version == 5 ? new PostgresMigration(m.Version, m.Name, m.Sql + "\n-- edited after release\n") : m)
            .ToList();

        var error = await Assert.ThrowsAsync<PostgresMigrationException>(
            () => new PostgresMigrator(logger, edited).ApplyAsync(database.ConnectionString, CancellationToken.None));

        Assert.Contains("0005_audit_envelope", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_changed_checksum_refuses_before_applying_anything_new()
    {
        var database = await server.CreateDatabaseAsync();
        var logger = TestLogging.For<PostgresMigrator>(output);
        var firstTwo = PostgresMigrator.Migrations.Take(2).ToList();
        await new PostgresMigrator(logger, firstTwo).ApplyAsync(database.ConnectionString, CancellationToken.None);
        await database.ExecuteAsync("UPDATE schema_migrations SET checksum = 'tampered' WHERE version = 1");

        await Assert.ThrowsAsync<PostgresMigrationException>(
            () => new PostgresMigrator(logger).ApplyAsync(database.ConnectionString, CancellationToken.None));

        Assert.Equal(2L, await database.ScalarAsync<long>("SELECT count(*) FROM schema_migrations"));
        Assert.Null(await database.ScalarAsync<string>("SELECT to_regclass('OrleansStorage')::text"));
    }

    [Fact]
    public async Task database_creation_is_fast_enough_for_one_database_per_test()
    {
        var timings = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            var stopwatch = Stopwatch.StartNew();
            await server.CreateDatabaseAsync();
            timings.Add(stopwatch.Elapsed.TotalMilliseconds);
        }

        output.WriteLine($"fixture start {server.StartupTime.TotalMilliseconds:F0} ms; CREATE DATABASE {string.Join(", ", timings.Select(t => $"{t:F0}"))} ms");
        Assert.True(timings.Order().ElementAt(2) < 2000, "median database creation should stay well under 2 s");
    }

    private async Task<PostgresDatabase> CreateTimedDatabaseAsync()
    {
        var stopwatch = Stopwatch.StartNew();
        var database = await server.CreateDatabaseAsync();
        output.WriteLine($"database {database.Name} created in {stopwatch.Elapsed.TotalMilliseconds:F0} ms");
        return database;
    }
}
