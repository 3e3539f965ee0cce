using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Polytraders.Silo.Postgres;

namespace Polytraders.Integration.Tests.Postgres;

// No database needed, so deliberately outside the Postgres collection.
public sealed class PostgresOptionsTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Database=polytraders")]
    [InlineData("this is = not ; a = connection = string")]
    public void validator_rejects_missing_or_unusable_connection_strings(string connectionString)
    {
        var result = new PostgresOptionsValidator().Validate(null, new PostgresOptions { ConnectionString = connectionString });

        Assert.True(result.Failed);
    }

    [Fact]
    public void validator_accepts_a_connection_string_with_a_host_and_never_echoes_it()
    {
        var validator = new PostgresOptionsValidator();

        Assert.True(validator.Validate(null, new PostgresOptions { ConnectionString = "Host=db;Database=pt;Username=app" }).Succeeded);
        var failed = validator.Validate(null, new PostgresOptions { ConnectionString = "Database=pt;Password=s3cret" });
        Assert.DoesNotContain("s3cret", failed.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void use_polytraders_postgres_fails_at_configuration_time_without_a_connection_string()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });

        Assert.Throws<OptionsValidationException>(() =>
            builder.UseOrleans(silo => silo.UsePolytradersPostgres(new PostgresOptions())));
    }
}
