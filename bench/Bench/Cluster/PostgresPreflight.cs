using Npgsql;

namespace Polytraders.Bench.Cluster;

/// <summary>
/// Checks the <c>--postgres</c> database before the run spends minutes on the other figures: reachable, and migrated
/// (the silo's ADO.NET providers read their SQL from <c>OrleansQuery</c>; the audit trail needs <c>audit_envelope</c>).
/// </summary>
internal static class PostgresPreflight
{
    private const string Fix = "./scripts/postgres-local.sh starts a local server; dotnet run --project src/Silo -- migrate --connection \"<owner connection string>\" migrates it";

    public static async Task CheckAsync(string connectionString)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var migrated = new NpgsqlCommand("SELECT to_regclass('orleansquery') IS NOT NULL AND to_regclass('audit_envelope') IS NOT NULL", connection);
            if (await migrated.ExecuteScalarAsync() is not true)
            {
                throw new BenchFailure($"the PostgreSQL database is not migrated; {Fix}");
            }
        }
        catch (Exception e) when (e is NpgsqlException or ArgumentException)
        {
            throw new BenchFailure($"cannot use the PostgreSQL database ({e.GetType().Name}: {e.Message}); {Fix}");
        }
    }
}
