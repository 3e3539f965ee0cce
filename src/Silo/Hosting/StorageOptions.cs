using System.ComponentModel.DataAnnotations;

namespace Polytraders.Silo.Hosting;

/// <summary>Where grain state, membership, reminders and the audit trail live (section "Storage").</summary>
public sealed class StorageOptions : IValidatableObject
{
    public const string Section = "Storage";

    public StorageProvider Provider { get; set; } = StorageProvider.Memory;

    public string? ConnectionString { get; set; }

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
