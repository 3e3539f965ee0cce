using Microsoft.Extensions.Options;

namespace Polytraders.Silo.Postgres;

public static class PostgresSiloBuilderExtensions
{
    /// <summary>ADO.NET invariant Orleans maps to Npgsql's DbProviderFactory.</summary>
    public const string NpgsqlInvariant = "Npgsql";

    /// <summary>Orleans' default grain storage name: grains whose state names no provider use this one.</summary>
    public const string DefaultGrainStorageName = "Default";

    /// <summary>Where Orleans streams keep their subscriptions (Orleans' default pub/sub store name).</summary>
    public const string PubSubStorageName = "PubSubStore";

    /// <summary>
    /// Orleans ADO.NET clustering, default grain storage, the streams' pub/sub store (so explicit subscriptions survive a
    /// restart) and reminders, all on one PostgreSQL database.
    /// The schema must already be migrated (<see cref="PostgresMigrator"/>): the providers read their SQL
    /// from the OrleansQuery table at start-up.
    /// </summary>
    /// <exception cref="OptionsValidationException">The options are invalid.</exception>
    public static ISiloBuilder UsePolytradersPostgres(this ISiloBuilder builder, PostgresOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);

        var validation = new PostgresOptionsValidator().Validate(Options.DefaultName, options);
        if (validation.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(PostgresOptions), validation.Failures);
        }

        // Captured once: later changes to the caller's options object must not change a running silo.
        var connectionString = options.ConnectionString;

        builder.UseAdoNetClustering(clustering =>
        {
            clustering.Invariant = NpgsqlInvariant;
            clustering.ConnectionString = connectionString;
        });
        builder.AddAdoNetGrainStorage(DefaultGrainStorageName, storage =>
        {
            storage.Invariant = NpgsqlInvariant;
            storage.ConnectionString = connectionString;
        });
        builder.AddAdoNetGrainStorage(PubSubStorageName, storage =>
        {
            storage.Invariant = NpgsqlInvariant;
            storage.ConnectionString = connectionString;
        });
        builder.UseAdoNetReminderService(reminders =>
        {
            reminders.Invariant = NpgsqlInvariant;
            reminders.ConnectionString = connectionString;
        });
        return builder;
    }
}
