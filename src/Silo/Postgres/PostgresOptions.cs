namespace Polytraders.Silo.Postgres;

/// <summary>Where the silo keeps its Orleans membership, grain state and reminders.</summary>
public sealed class PostgresOptions
{
    /// <summary>Configuration section bound for the <c>Postgres</c> profile.</summary>
    public const string SectionName = "Postgres";

    /// <summary>Npgsql connection string; required. Validated by <see cref="PostgresOptionsValidator"/>.</summary>
    public string ConnectionString { get; set; } = string.Empty;
}
