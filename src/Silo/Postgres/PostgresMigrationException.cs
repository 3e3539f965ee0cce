namespace Polytraders.Silo.Postgres;

/// <summary>The database's migration history cannot be reconciled with this build's migrations.</summary>
public sealed class PostgresMigrationException : Exception
{
    public PostgresMigrationException()
    {
    }

    public PostgresMigrationException(string message)
        : base(message)
    {
    }

    public PostgresMigrationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
