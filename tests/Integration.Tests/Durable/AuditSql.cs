using Npgsql;
using Polytraders.Integration.Tests.Postgres;

namespace Polytraders.Integration.Tests.Durable;

/// <summary>Reading the audit trail straight from <c>audit_envelope</c> (payload JSON in <c>body</c>).</summary>
internal static class AuditSql
{
    /// <summary>The client order id every execution envelope names (its order, its fill, or the refused intent), for an envelope aliased <c>e</c>.</summary>
    public const string ClientOrderId =
        "coalesce(e.body->'payload'->'order'->>'client_order_id', e.body->'payload'->'fill'->>'client_order_id', e.body->'payload'->'intent'->>'client_order_id')";

    public static async Task<List<string>> ListAsync(PostgresDatabase database, string sql)
    {
        var values = new List<string>();
        await foreach (var row in RowsAsync(database, sql))
        {
            values.Add(row[0] is string s ? s : row[0]?.ToString() ?? "(null)");
        }

        return values;
    }

    public static async IAsyncEnumerable<object?[]> RowsAsync(PostgresDatabase database, string sql)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            yield return row;
        }
    }
}
