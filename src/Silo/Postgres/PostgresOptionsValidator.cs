using Microsoft.Extensions.Options;
using Npgsql;

namespace Polytraders.Silo.Postgres;

/// <summary>
/// Fails fast on a missing or unparsable connection string, at configuration time rather than at the first
/// Orleans database call. Messages never echo the connection string: it may hold a password.
/// </summary>
public sealed class PostgresOptionsValidator : IValidateOptions<PostgresOptions>
{
    public ValidateOptionsResult Validate(string? name, PostgresOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Fail($"{PostgresOptions.SectionName}:ConnectionString is required.");
        }

        NpgsqlConnectionStringBuilder parsed;
        try
        {
            parsed = new NpgsqlConnectionStringBuilder(options.ConnectionString);
        }
        catch (ArgumentException)
        {
            return ValidateOptionsResult.Fail(
                $"{PostgresOptions.SectionName}:ConnectionString is not a valid Npgsql connection string.");
        }

        if (string.IsNullOrWhiteSpace(parsed.Host))
        {
            return ValidateOptionsResult.Fail($"{PostgresOptions.SectionName}:ConnectionString has no Host.");
        }

        return ValidateOptionsResult.Success;
    }
}
