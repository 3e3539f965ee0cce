using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Polytraders.Integration.Tests.Postgres;
using Polytraders.Silo;
using Xunit.Abstractions;

namespace Polytraders.Integration.Tests.Durable;

/// <summary>
/// A silo built by the production entry point (<see cref="SiloHost"/>) inside the test process, from the same
/// configuration keys an operator sets: Orleans, co-hosted gateway, replay seeding.
/// </summary>
internal sealed class TestSilo : IAsyncDisposable
{
    public const string OperatorKey = "integration-operator-key";
    public const string ReviewerKey = "integration-reviewer-key";

    private readonly WebApplication _app;
    private bool _stopped;

    private TestSilo(WebApplication app, SiloSettings settings)
    {
        _app = app;
        Settings = settings;
    }

    public SiloSettings Settings { get; }

    public IServiceProvider Services => _app.Services;

    public IGrainFactory Grains => _app.Services.GetRequiredService<IGrainFactory>();

    public Uri BaseAddress => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    public static async Task<TestSilo> StartAsync(SiloSettings settings, ITestOutputHelper output, Action<IServiceCollection>? services = null)
    {
        var app = SiloHost.Build(settings.ToArgs(), builder =>
        {
            builder.Logging.ClearProviders().AddProvider(new XunitLoggerProvider(output));
            services?.Invoke(builder.Services);
        });
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await app.StartAsync(timeout.Token);
        return new TestSilo(app, settings);
    }

    /// <summary>A graceful stop: activations deactivate, the silo leaves the membership table as Dead.</summary>
    public async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _app.StopAsync(timeout.Token);
        await _app.DisposeAsync();
    }

    /// <summary>
    /// As close to a crash as a silo in this process gets: shutdown is cancelled at once, so nothing waits for running
    /// turns, and their later writes are refused.
    /// </summary>
    public async Task AbortAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        try
        {
            await _app.StopAsync(cancelled.Token);
        }
        catch (OperationCanceledException)
        {
        }

        try
        {
            await _app.DisposeAsync();
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or AggregateException)
        {
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}

/// <summary>The configuration of one test silo, as command-line keys (the host reads them like any other source).</summary>
internal sealed record SiloSettings(PostgresDatabase Database, string KeystorePath, string ClusterId)
{
    public int SiloPort { get; init; } = FreePort.Next();

    public int GatewayPort { get; init; } = FreePort.Next();

    public int HttpPort { get; init; } = FreePort.Next();

    public bool MigrateOnStart { get; init; }

    public bool ReplayEnabled { get; init; }

    public int ReplayStepMilliseconds { get; init; }

    public string KeystorePassword { get; init; } = TestKeys.Password;

    public bool OpenKeyAtStart { get; init; } = true;

    public string Url => $"http://127.0.0.1:{HttpPort}";

    /// <summary>The silo runs as the application role; only migrations run as the owner.</summary>
    public Dictionary<string, string> ToDictionary() => new(StringComparer.Ordinal)
    {
        ["Storage:Provider"] = "Postgres",
        ["Storage:ConnectionString"] = Database.ConnectionStringFor(AppRole),
        ["Storage:MigrateOnStart"] = MigrateOnStart ? "true" : "false",
        ["Storage:MigrationConnectionString"] = Database.ConnectionString,
        ["Orleans:ClusterId"] = ClusterId,
        ["Orleans:SiloPort"] = SiloPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Orleans:GatewayPort"] = GatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Urls"] = Url,
        ["Replay:Enabled"] = ReplayEnabled ? "true" : "false",
        ["Replay:Loop"] = "true",
        ["Replay:StepMilliseconds"] = ReplayStepMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Signing:KeystorePath"] = KeystorePath,
        ["Signing:KeystorePassword"] = KeystorePassword,
        ["Signing:OpenAtStart"] = OpenKeyAtStart ? "true" : "false",
        [$"Gateway:ApiKeys:{TestSilo.OperatorKey}:Operator"] = "alice",
        [$"Gateway:ApiKeys:{TestSilo.OperatorKey}:Role"] = "operator",
        [$"Gateway:ApiKeys:{TestSilo.ReviewerKey}:Operator"] = "bob",
        [$"Gateway:ApiKeys:{TestSilo.ReviewerKey}:Role"] = "reviewer",
        ["Logging:LogLevel:Default"] = "Warning",
        ["Logging:LogLevel:Microsoft"] = "Warning",
        ["Logging:LogLevel:Orleans"] = "Warning",
        ["Logging:LogLevel:Polytraders.Grains.Execution"] = "Information",
    };

    public const string AppRole = "polytraders_app";

    public string[] ToArgs() => [.. ToDictionary().Select(p => $"--{p.Key}={p.Value}")];

    /// <summary>The same keys as environment variables, for a silo process.</summary>
    public IEnumerable<KeyValuePair<string, string>> ToEnvironment() =>
        ToDictionary().Select(p => KeyValuePair.Create(p.Key.Replace(":", "__", StringComparison.Ordinal), p.Value));
}
