using Npgsql;

namespace Polytraders.Integration.Tests.Postgres;

/// <summary>One test's database on the shared <see cref="PostgresServer"/>.</summary>
public sealed record PostgresDatabase(PostgresServer Server, string Name)
{
    public const string Superuser = "postgres";

    /// <summary>As the superuser: what the migrator and the silo use in these tests.</summary>
    public string ConnectionString => Server.ConnectionString(Name, Superuser);

    public string ConnectionStringFor(string username) => Server.ConnectionString(Name, username);

    public async Task<int> ExecuteAsync(string sql, string username = Superuser)
    {
        await using var connection = new NpgsqlConnection(ConnectionStringFor(username));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteNonQueryAsync();
    }

    /// <summary>The first column of every row (null for SQL NULL).</summary>
    public async Task<List<T?>> ListAsync<T>(string sql, string username = Superuser)
    {
        await using var connection = new NpgsqlConnection(ConnectionStringFor(username));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<T?>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.IsDBNull(0) ? default : reader.GetFieldValue<T>(0));
        }

        return values;
    }

    public async Task<T?> ScalarAsync<T>(string sql, string username = Superuser)
    {
        await using var connection = new NpgsqlConnection(ConnectionStringFor(username));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? default : (T)value;
    }
}
