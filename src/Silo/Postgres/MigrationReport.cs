namespace Polytraders.Silo.Postgres;

/// <summary>What one <see cref="PostgresMigrator.ApplyAsync"/> run did.</summary>
/// <param name="Applied">Migrations applied by this run, in order.</param>
/// <param name="AlreadyApplied">Migrations found already applied (checksums verified).</param>
/// <param name="Elapsed">Wall time including waiting for the migration lock.</param>
public sealed record MigrationReport(
    IReadOnlyList<PostgresMigration> Applied,
    IReadOnlyList<PostgresMigration> AlreadyApplied,
    TimeSpan Elapsed);
