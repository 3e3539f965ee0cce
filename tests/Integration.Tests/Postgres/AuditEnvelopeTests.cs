using Npgsql;
using Polytraders.Silo.Postgres;
using Xunit.Abstractions;

namespace Polytraders.Integration.Tests.Postgres;

[Collection(PostgresCollection.Name)]
public sealed class AuditEnvelopeTests(PostgresServer server, ITestOutputHelper output)
{
    private const string AppRole = "polytraders_app";
    private const string InsufficientPrivilege = "42501";
    private const string UniqueViolation = "23505";
    private const string RaiseException = "P0001";

    [Fact]
    public async Task app_role_can_insert_and_read_audit_rows()
    {
        var database = await MigratedDatabaseAsync();

        await InsertEnvelopeAsync(database, "pf-1", 1, AppRole);

        Assert.Equal(1L, await database.ScalarAsync<long>("SELECT count(*) FROM audit_envelope", AppRole));
    }

    [Theory]
    [InlineData("UPDATE audit_envelope SET reason_code = 'rewritten'")]
    [InlineData("DELETE FROM audit_envelope")]
    [InlineData("TRUNCATE audit_envelope")]
    public async Task app_role_cannot_change_or_remove_audit_rows(string sql)
    {
        var database = await MigratedDatabaseAsync();
        await InsertEnvelopeAsync(database, "pf-1", 1, AppRole);

        var error = await Assert.ThrowsAsync<PostgresException>(() => database.ExecuteAsync(sql, AppRole));

        Assert.Equal(InsufficientPrivilege, error.SqlState);
        Assert.Equal(1L, await database.ScalarAsync<long>("SELECT count(*) FROM audit_envelope"));
    }

    [Theory]
    [InlineData("UPDATE audit_envelope SET reason_code = 'rewritten'")]
    [InlineData("DELETE FROM audit_envelope")]
    [InlineData("TRUNCATE audit_envelope")]
    public async Task even_the_owner_is_stopped_by_the_append_only_trigger(string sql)
    {
        var database = await MigratedDatabaseAsync();
        await InsertEnvelopeAsync(database, "pf-1", 1, PostgresDatabase.Superuser);

        var error = await Assert.ThrowsAsync<PostgresException>(() => database.ExecuteAsync(sql));

        Assert.Equal(RaiseException, error.SqlState);
        Assert.Contains("append-only", error.MessageText, StringComparison.Ordinal);
        Assert.Equal(1L, await database.ScalarAsync<long>("SELECT count(*) FROM audit_envelope"));
    }

    [Fact]
    public async Task a_chain_sequence_number_is_used_once()
    {
        var database = await MigratedDatabaseAsync();
        await InsertEnvelopeAsync(database, "pf-1", 7, AppRole);

        var error = await Assert.ThrowsAsync<PostgresException>(() => InsertEnvelopeAsync(database, "pf-1", 7, AppRole));

        Assert.Equal(UniqueViolation, error.SqlState);
        await InsertEnvelopeAsync(database, "pf-2", 7, AppRole);
    }

    private async Task<PostgresDatabase> MigratedDatabaseAsync()
    {
        var database = await server.CreateDatabaseAsync();
        await new PostgresMigrator(TestLogging.For<PostgresMigrator>(output)).ApplyAsync(database.ConnectionString, CancellationToken.None);
        return database;
    }

    private static async Task InsertEnvelopeAsync(PostgresDatabase database, string portfolioId, long sequence, string username)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionStringFor(username));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO audit_envelope
                (envelope_id, chain_id, tenant_id, portfolio_id, sequence, strategy_id, launch_id, reason_code, badge, mode,
                 occurred_at, prev_hash, hash, body)
            VALUES
                (@id, @portfolio, 'tenant-1', @portfolio, @sequence, 'strat-1', NULL, 'ORDER_PLACED', NULL, 'paper',
                 now(), 'prev', 'hash', '{"k": 1}'::jsonb)
            """,
            connection);
        command.Parameters.AddWithValue("id", Guid.NewGuid());
        command.Parameters.AddWithValue("portfolio", portfolioId);
        command.Parameters.AddWithValue("sequence", sequence);
        await command.ExecuteNonQueryAsync();
    }
}
