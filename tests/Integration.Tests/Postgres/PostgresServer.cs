using System.Diagnostics;
using Npgsql;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Polytraders.Integration.Tests.Postgres;

/// <summary>
/// A throwaway PostgreSQL server for the test run: initdb into a temp directory, pg_ctl start on a free
/// loopback port, one fresh database per test via <see cref="CreateDatabaseAsync"/>, stopped and deleted on
/// dispose. Share it through <see cref="PostgresCollection"/>.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private const string Superuser = PostgresDatabase.Superuser;
    private const int StartAttempts = 3;
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromSeconds(60);

    private readonly IMessageSink diagnostics;
    private PostgresBinaries? binaries;
    private string? root;
    private bool runAsPostgresUser;

    public PostgresServer(IMessageSink diagnostics)
    {
        this.diagnostics = diagnostics;
    }

    public int Port { get; private set; }

    /// <summary>initdb + start + first successful connection.</summary>
    public TimeSpan StartupTime { get; private set; }

    private string DataDirectory => Path.Combine(Root, "data");

    private string LogFile => Path.Combine(Root, "postgres.log");

    private string Root => root ?? throw new InvalidOperationException("The PostgreSQL fixture is not initialised.");

    public async Task InitializeAsync()
    {
        var stopwatch = Stopwatch.StartNew();
        binaries = PostgresBinaries.Locate();
        root = Directory.CreateTempSubdirectory("polytraders-pg-").FullName;
        // initdb refuses to run as root, so as root the server runs as the postgres OS user, which must own
        // the directory that holds the data directory and the socket.
        runAsPostgresUser = Environment.IsPrivilegedProcess;
        try
        {
            if (runAsPostgresUser)
            {
                await RunCheckedAsync("chown", [$"{Superuser}:{Superuser}", Root]);
            }

            await RunPgToolAsync(binaries.InitDb,
                ["-D", DataDirectory, "-U", Superuser, "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync"]);
            await StartServerAsync(binaries);
            await WaitUntilReadyAsync();
        }
        catch
        {
            await StopAndDeleteAsync();
            throw;
        }

        StartupTime = stopwatch.Elapsed;
        diagnostics.OnMessage(new DiagnosticMessage(
            $"PostgreSQL ({binaries.BinDirectory}) ready on 127.0.0.1:{Port} in {StartupTime.TotalMilliseconds:F0} ms"));
    }

    public async Task DisposeAsync()
    {
        // Pooled idle connections would otherwise log errors when the server goes away under them.
        NpgsqlConnection.ClearAllPools();
        await StopAndDeleteAsync();
    }

    /// <summary>A new, empty database (about 0.1-0.2 s); each test gets its own so tests never share state.</summary>
    public async Task<PostgresDatabase> CreateDatabaseAsync(CancellationToken ct = default)
    {
        var name = $"pt_{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(ConnectionString(Superuser, Superuser));
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync(ct);
        return new PostgresDatabase(this, name);
    }

    /// <summary>Trust authentication: any existing role connects without a password.</summary>
    public string ConnectionString(string database, string username) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Database = database,
        Username = username,
        Timeout = 15,
    }.ConnectionString;

    private async Task StartServerAsync(PostgresBinaries bin)
    {
        // The free port can be taken between probing and binding; a few attempts make that race harmless.
        for (var attempt = 1; ; attempt++)
        {
            Port = FreePort.Next();
            var serverOptions = string.Join(' ',
                $"-p {Port}",
                $"-k {Root}",
                "-c listen_addresses=127.0.0.1",
                // Throwaway data: durability settings only cost time here.
                "-c fsync=off",
                "-c synchronous_commit=off",
                "-c full_page_writes=off",
                "-c max_connections=200");
            var result = await RunPgToolAsync(bin.PgCtl,
                ["-D", DataDirectory, "-l", LogFile, "-w", "-t", "30", "-o", serverOptions, "start"],
                throwOnFailure: false);
            if (result.ExitCode == 0)
            {
                return;
            }

            if (attempt >= StartAttempts)
            {
                throw new InvalidOperationException(
                    $"pg_ctl start failed {attempt} times. Last attempt: {result}\nServer log:\n{await ReadLogAsync()}");
            }
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(ConnectionString(Superuser, Superuser));
                await connection.OpenAsync();
                return;
            }
            catch (NpgsqlException) when (deadline.Elapsed < TimeSpan.FromSeconds(15))
            {
                await Task.Delay(50);
            }
        }
    }

    private async Task StopAndDeleteAsync()
    {
        if (root is null)
        {
            return;
        }

        if (binaries is not null && File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
        {
            // Immediate: nothing here needs a clean shutdown checkpoint, the directory is deleted next.
            var stop = await RunPgToolAsync(binaries.PgCtl, ["-D", DataDirectory, "-m", "immediate", "-w", "stop"],
                throwOnFailure: false);
            if (stop.ExitCode != 0)
            {
                diagnostics.OnMessage(new DiagnosticMessage($"pg_ctl stop failed: {stop}"));
            }
        }

        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.OnMessage(new DiagnosticMessage($"Could not delete {root}: {ex.Message}"));
        }

        root = null;
    }

    private async Task<ProcessResult> RunPgToolAsync(string tool, IReadOnlyList<string> arguments, bool throwOnFailure = true)
    {
        var (fileName, allArguments) = runAsPostgresUser
            ? (RunUser(), (IReadOnlyList<string>)["-u", Superuser, "--", tool, .. arguments])
            : (tool, arguments);
        using var timeout = new CancellationTokenSource(ToolTimeout);
        var result = await ProcessRunner.RunAsync(fileName, allArguments, Root, timeout.Token);
        if (throwOnFailure && result.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(tool)} failed: {result}");
        }

        return result;
    }

    private async Task RunCheckedAsync(string fileName, IReadOnlyList<string> arguments)
    {
        using var timeout = new CancellationTokenSource(ToolTimeout);
        var result = await ProcessRunner.RunAsync(fileName, arguments, Path.GetTempPath(), timeout.Token);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"{fileName} failed: {result}");
        }
    }

    private static string RunUser() =>
        new[] { "/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser" }.FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException(
            "Running as root but runuser (util-linux) is missing; it is needed to run initdb as the postgres user.");

    private async Task<string> ReadLogAsync() =>
        File.Exists(LogFile) ? await File.ReadAllTextAsync(LogFile) : "(no server log)";
}
