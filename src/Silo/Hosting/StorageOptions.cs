using System.ComponentModel.DataAnnotations;

namespace Polytraders.Silo.Hosting;

/// <summary>Where grain state, membership, reminders and the audit trail live (section "Storage").</summary>
public sealed class StorageOptions : IValidatableObject
{
    public const string Section = "Storage";

    public StorageProvider Provider { get; set; } = StorageProvider.Memory;

    /// <summary>
    /// Npgsql connection string the silo runs with. In production this logs in as <c>polytraders_app</c>, which has
    /// DML on the Orleans tables and only SELECT/INSERT on <c>audit_envelope</c> (migrations 0005, 0006).
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>Apply pending migrations before the silo starts (development and single-node setups).</summary>
    public bool MigrateOnStart { get; set; }

    /// <summary>
    /// Connection string of the role that owns the schema, used by <see cref="MigrateOnStart"/>; defaults to
    /// <see cref="ConnectionString"/> (which then must be allowed to create tables).
    /// </summary>
    public string? MigrationConnectionString { get; set; }

    public string EffectiveMigrationConnectionString => string.IsNullOrWhiteSpace(MigrationConnectionString) ? ConnectionString! : MigrationConnectionString;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider == StorageProvider.Postgres && string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return new ValidationResult("Storage:ConnectionString is required when Storage:Provider is Postgres.", [nameof(ConnectionString)]);
        }
    }
}

public enum StorageProvider
{
    Memory,
    Postgres,
}
