using System.Security.Cryptography;
using System.Text;

namespace Polytraders.Silo.Postgres;

/// <summary>One versioned schema change, applied once and pinned by the checksum of its SQL text.</summary>
public sealed class PostgresMigration
{
    public PostgresMigration(int version, string name, string sql)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(version);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(sql);
        Version = version;
        Name = name;
        Sql = sql;
        Checksum = ComputeChecksum(sql);
    }

    public int Version { get; }

    public string Name { get; }

    public string Sql { get; }

    /// <summary>Lower-case hex SHA-256 of the SQL with line endings normalised to LF.</summary>
    public string Checksum { get; }

    public override string ToString() => $"{Version:D4}_{Name}";

    // Line endings and a BOM are normalised away so a git autocrlf checkout on Windows does not look like an
    // edited migration; any other change, even whitespace, does.
    internal static string ComputeChecksum(string sql)
    {
        var normalised = sql.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalised)));
    }
}
