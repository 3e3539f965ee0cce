using System.Diagnostics;
using Npgsql;

namespace Polytraders.Silo.Postgres;

/// <summary>
/// Applies <see cref="PostgresMigrations.All"/> to a database: under a session advisory lock, each pending
/// migration in its own transaction together with its <c>schema_migrations</c> row. Safe to run again and
/// from several processes at once; refuses to run if an applied migration's SQL has since changed.
/// </summary>
public sealed partial class PostgresMigrator
{
    // Any fixed key works as long as every migrator uses the same one; this is "Polytrad" in ASCII.
    // Advisory locks are per database, matching schema_migrations, which is per database too.
    private const long AdvisoryLockKey = 0x506F_6C79_7472_6164;

    private const string CreateHistoryTableSql = """
        CREATE TABLE IF NOT EXISTS schema_migrations
        (
            version    integer     NOT NULL PRIMARY KEY,
            name       text        NOT NULL,
            checksum   text        NOT NULL,
            applied_at timestamptz NOT NULL DEFAULT now()
        );
        """;

    private readonly ILogger<PostgresMigrator> logger;
    private readonly IReadOnlyList<PostgresMigration> migrations;

    public PostgresMigrator(ILogger<PostgresMigrator> logger)
        : this(logger, PostgresMigrations.All)
    {
    }

    /// <summary>For tests: run a different migration list (e.g. one with an edited file).</summary>
    internal PostgresMigrator(ILogger<PostgresMigrator> logger, IReadOnlyList<PostgresMigration> migrations)
    {
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(migrations);
        this.logger = logger;
        this.migrations = [.. migrations.OrderBy(m => m.Version)];
    }

    /// <summary>The migrations this build ships, in order.</summary>
    public static IReadOnlyList<PostgresMigration> Migrations => PostgresMigrations.All;

    public async Task<MigrationReport> ApplyAsync(string connectionString, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var stopwatch = Stopwatch.StartNew();

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct).ConfigureAwait(false);
        LogWaitingForLock(connection.Database);
        await ExecuteAsync(connection, "SELECT pg_advisory_lock(@key)", ct, ("key", AdvisoryLockKey)).ConfigureAwait(false);
        try
        {
            await ExecuteAsync(connection, CreateHistoryTableSql, ct).ConfigureAwait(false);
            var history = await ReadHistoryAsync(connection, ct).ConfigureAwait(false);
            var alreadyApplied = Verify(history);
            var pending = migrations.Where(m => !history.ContainsKey(m.Version)).ToList();
            RefuseOutOfOrder(history, pending);

            foreach (var migration in pending)
            {
                await ApplyOneAsync(connection, migration, ct).ConfigureAwait(false);
            }

            LogDone(connection.Database, pending.Count, alreadyApplied.Count, stopwatch.ElapsedMilliseconds);
            return new MigrationReport(pending, alreadyApplied, stopwatch.Elapsed);
        }
        finally
        {
            await ReleaseLockAsync(connection).ConfigureAwait(false);
        }
    }

    private List<PostgresMigration> Verify(Dictionary<int, AppliedRow> history)
    {
        var alreadyApplied = new List<PostgresMigration>();
        foreach (var row in history.Values.OrderBy(r => r.Version))
        {
            var known = migrations.FirstOrDefault(m => m.Version == row.Version);
            if (known is null)
            {
                // A newer build migrated this database (e.g. mid rolling deploy). Additive migrations keep
                // older builds working, so warn rather than stop them.
                LogUnknownApplied(row.Version, row.Name);
                continue;
            }

            if (!string.Equals(known.Checksum, row.Checksum, StringComparison.Ordinal))
            {
                throw new PostgresMigrationException(
                    $"Migration {known} was applied with checksum {row.Checksum}, but this build's file has " +
                    $"checksum {known.Checksum}. Applied migrations are immutable: restore the file and put the " +
                    "change in a new migration.");
            }

            alreadyApplied.Add(known);
        }

        return alreadyApplied;
    }

    // A pending migration numbered below an applied one was inserted into history after the fact; applying
    // it now would run it in a different order than on every other database.
    private static void RefuseOutOfOrder(Dictionary<int, AppliedRow> history, List<PostgresMigration> pending)
    {
        if (history.Count == 0 || pending.Count == 0)
        {
            return;
        }

        var highestApplied = history.Keys.Max();
        var outOfOrder = pending.Where(m => m.Version < highestApplied).ToList();
        if (outOfOrder.Count > 0)
        {
            throw new PostgresMigrationException(
                $"Migrations {string.Join(", ", outOfOrder)} are pending but {highestApplied:D4} is already " +
                "applied. Migrations must be appended with a higher number.");
        }
    }

    private async Task ApplyOneAsync(NpgsqlConnection connection, PostgresMigration migration, CancellationToken ct)
    {
        var stopwatch = Stopwatch.StartNew();
        await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        await using (var command = new NpgsqlCommand(migration.Sql, connection, transaction))
        {
            // DDL on a large table may take longer than Npgsql's 30 s default; the caller's token bounds it
            // instead, and the transaction makes an interrupted migration leave nothing behind.
            command.CommandTimeout = 0;
            await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        await using (var record = new NpgsqlCommand(
            "INSERT INTO schema_migrations (version, name, checksum) VALUES (@version, @name, @checksum)",
            connection,
            transaction))
        {
            record.Parameters.AddWithValue("version", migration.Version);
            record.Parameters.AddWithValue("name", migration.Name);
            record.Parameters.AddWithValue("checksum", migration.Checksum);
            await record.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        await transaction.CommitAsync(ct).ConfigureAwait(false);
        LogApplied(migration.ToString(), connection.Database, stopwatch.ElapsedMilliseconds);
    }

    private static async Task<Dictionary<int, AppliedRow>> ReadHistoryAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var history = new Dictionary<int, AppliedRow>();
        await using var command = new NpgsqlCommand("SELECT version, name, checksum FROM schema_migrations", connection);
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            var row = new AppliedRow(reader.GetInt32(0), reader.GetString(1), reader.GetString(2));
            history.Add(row.Version, row);
        }

        return history;
    }

    // Runs even when the caller's token fired, hence no token. If the connection is broken the server has
    // already dropped the session and its lock, so a failure here is only worth a warning.
    private async Task ReleaseLockAsync(NpgsqlConnection connection)
    {
        try
        {
            await ExecuteAsync(connection, "SELECT pg_advisory_unlock(@key)", CancellationToken.None, ("key", AdvisoryLockKey))
                .ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
        {
            LogUnlockFailed(ex);
        }
    }

    private static async Task ExecuteAsync(
        NpgsqlConnection connection, string sql, CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        // Waiting for another migrator's lock is bounded by the token, not by a command timeout.
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    private sealed record AppliedRow(int Version, string Name, string Checksum);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Waiting for the migration lock on database {Database}")]
    private partial void LogWaitingForLock(string database);

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied migration {Migration} to database {Database} in {ElapsedMs} ms")]
    private partial void LogApplied(string migration, string database, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Database {Database} is up to date: {AppliedCount} migrations applied now, {AlreadyAppliedCount} already applied ({ElapsedMs} ms)")]
    private partial void LogDone(string database, int appliedCount, int alreadyAppliedCount, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database has migration {Version} ({Name}) which this build does not know; a newer build applied it")]
    private partial void LogUnknownApplied(int version, string name);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Releasing the migration lock failed; it is released when the connection closes")]
    private partial void LogUnlockFailed(Exception exception);
}
