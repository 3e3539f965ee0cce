using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Polytraders.Silo.Hosting;
using Polytraders.Silo.Postgres;
using Polytraders.Trading.Audit;
using Polytraders.Trading.Validation;

namespace Polytraders.Silo;

/// <summary>The silo's command line: no command runs the silo; the others are tools an operator runs by hand.</summary>
public static class SiloCommands
{
    public const string Usage = """
        usage: Polytraders.Silo [command]
          (no command)                                  run the silo (configuration: appsettings, environment, --Key=value)
          migrate [--connection <npgsql>]               apply pending PostgreSQL migrations (as the schema owner)
          verify-chain --portfolio <id> | --chain <id> [--connection <npgsql>]
                                                        re-hash one audit chain; exit 1 naming the first broken link
          verify-contracts [fixtures-dir]               validate the contract fixtures
          backtest --request <file> | --synthetic 50x180 [...]
                                                        run a Backtest here, no cluster; summary table + HTML report
          clob-credentials [--nonce <n>]                derive (or create) the CLOB API credentials from the signing key
                                                        (Signing:*, Clob:*) and store them encrypted beside the keystore
        --connection defaults to Storage:MigrationConnectionString (migrate) or Storage:ConnectionString.
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        try
        {
            switch (args.FirstOrDefault())
            {
                case "verify-contracts":
                    return await VerifyContractsAsync(args.Skip(1).FirstOrDefault() ?? "fixtures");
                case "migrate":
                    return await MigrateAsync(args[1..], Console.Out, Console.Error);
                case "verify-chain":
                    return await VerifyChainAsync(args[1..], Console.Out, Console.Error);
                case "clob-credentials":
                    return await ClobCredentialsCommand.RunAsync(args[1..], ToolConfiguration(), Console.Out, Console.Error);
                case "backtest":
                    return await Backtest.BacktestCommand.RunAsync(args[1..], ToolConfiguration(), Console.Out, Console.Error);
                case "help" or "--help" or "-h":
                    await Console.Out.WriteLineAsync(Usage);
                    return 0;
                default:
                    await SiloHost.Build(args).RunAsync();
                    return 0;
            }
        }
        catch (DurableStorageRequiredException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 2;
        }
        catch (Microsoft.Extensions.Options.OptionsValidationException e)
        {
            // The configuration cannot work (e.g. SEC_DEV_KEYSTORE_IN_PRODUCTION): each failure on its line, no stack trace.
            foreach (var failure in e.Failures)
            {
                await Console.Error.WriteLineAsync(failure);
            }

            return 2;
        }
        catch (CommandLineUsageException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            await Console.Error.WriteLineAsync(Usage);
            return 64;
        }
    }

    /// <summary>Applies the migrations this build ships and lists what it did.</summary>
    public static async Task<int> MigrateAsync(string[] args, TextWriter output, TextWriter error)
    {
        var options = CommandLineOptions.Parse(args, ["--connection"]);
        var storage = StorageFromConfiguration();
        var connection = options.GetValueOrDefault("--connection")
            ?? (storage.ConnectionString is null && storage.MigrationConnectionString is null ? null : storage.EffectiveMigrationConnectionString)
            ?? throw new CommandLineUsageException("migrate needs --connection (or Storage:MigrationConnectionString / Storage:ConnectionString).");
        try
        {
            var report = await new PostgresMigrator(NullLogger<PostgresMigrator>.Instance).ApplyAsync(connection, CancellationToken.None);
            foreach (var migration in report.Applied)
            {
                await output.WriteLineAsync($"applied {migration}");
            }

            await output.WriteLineAsync($"{report.Applied.Count} migrations applied, {report.AlreadyApplied.Count} already applied ({report.Elapsed.TotalMilliseconds:F0} ms)");
            return 0;
        }
        catch (Exception e) when (e is NpgsqlException or PostgresMigrationException)
        {
            await error.WriteLineAsync($"migrate failed: {e.Message}");
            return 1;
        }
    }

    /// <summary>Re-hashes one chain straight from the database; prints the first broken link and returns 1 if there is one.</summary>
    public static async Task<int> VerifyChainAsync(string[] args, TextWriter output, TextWriter error)
    {
        var options = CommandLineOptions.Parse(args, ["--portfolio", "--chain", "--connection"]);
        var chainId = options.GetValueOrDefault("--chain") ?? options.GetValueOrDefault("--portfolio")
            ?? throw new CommandLineUsageException("verify-chain needs --portfolio <id> (a live chain) or --chain <id>.");
        var connection = options.GetValueOrDefault("--connection") ?? StorageFromConfiguration().ConnectionString
            ?? throw new CommandLineUsageException("verify-chain needs --connection (or Storage:ConnectionString).");
        try
        {
            await using var store = new PostgresAuditStore(connection);
            var result = await AuditChain.VerifyAsync(chainId, AuditChain.ReadAllAsync(store, chainId));
            if (result.Valid && result.Checked == 0)
            {
                await output.WriteLineAsync($"chain {chainId}: holds no envelopes (is the id right?)");
                return 0;
            }

            if (result.Valid)
            {
                await output.WriteLineAsync($"chain {chainId}: {result.Checked} envelopes verified, the hash chain holds");
                return 0;
            }

            await output.WriteLineAsync(
                $"chain {chainId}: BROKEN at sequence {result.FirstBrokenSequence}, envelope {result.FirstBrokenEnvelopeId}: " +
                $"{result.Problem} ({result.Checked} envelopes before it verified)");
            return 1;
        }
        catch (NpgsqlException e)
        {
            await error.WriteLineAsync($"verify-chain failed: {e.Message}");
            return 2;
        }
    }

    private static async Task<int> VerifyContractsAsync(string fixtures)
    {
        var validator = await ContractValidator.LoadAsync(ContractRules.All);
        var results = FixtureVerifier.Verify(validator, fixtures);
        foreach (var result in results)
        {
            await Console.Out.WriteLineAsync(result.ToString());
        }

        var failed = results.Count(r => !r.Passed);
        await Console.Out.WriteLineAsync($"{results.Count - failed} fixtures verified, {failed} failed");
        return failed == 0 ? 0 : 1;
    }

    private static StorageOptions StorageFromConfiguration() =>
        ToolConfiguration().GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();

    /// <summary>The same sources the host reads (appsettings beside the binaries, environment), for the tools.</summary>
    private static IConfiguration ToolConfiguration()
    {
        var environment = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? "Production";
        return new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, $"appsettings.{environment}.json"), optional: true)
            .AddEnvironmentVariables()
            .Build();
    }
}
