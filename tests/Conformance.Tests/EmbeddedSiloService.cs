using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging.Abstractions;
using Polytraders.Conformance;
using Polytraders.Grains.Execution;
using Polytraders.Polymarket.Keystore;
using Polytraders.Silo;

namespace Polytraders.Conformance.Tests;

/// <summary>
/// The embedded silo as <c>dotnet run --project src/Silo --launch-profile conformance</c> runs it (in-memory storage,
/// paper venue, the gateway on Kestrel), started in this process on free ports, replaying the suite's price path at
/// <see cref="StepMilliseconds"/> a minute.
/// </summary>
public sealed class EmbeddedSiloService : IAsyncLifetime
{
    public const string OperatorKey = "conformance-operator-key";
    public const string ReviewerKey = "conformance-reviewer-key";
    public const int StepMilliseconds = 100;

    private readonly string _scratch = Path.Combine(Path.GetTempPath(), "polytraders-conformance-tests", Guid.NewGuid().ToString("N"));
    private WebApplication? _silo;

    public string SuiteRoot { get; } = SuiteLocator.FindUpwards(AppContext.BaseDirectory)
                                       ?? throw new InvalidOperationException("No conformance/ folder above the test binaries.");

    public Uri Address { get; private set; } = new("http://127.0.0.1/");

    /// <summary>The running service's container: what its gateway maps, for tests that check the suite covers it.</summary>
    public IServiceProvider Services => _silo?.Services ?? throw new InvalidOperationException("the service has not started");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_scratch);

        // The development key the silo opens at the first launch, made with a cheap KDF: the standard scrypt costs
        // seconds per open on a busy machine.
        var keystore = Path.Combine(_scratch, "dev-keystore.json");
        using (DevKeyFile.LoadOrCreate(keystore, SigningOptions.DevelopmentKeystorePassword, NullLogger.Instance, new Pbkdf2Kdf(1024)))
        {
        }

        string[] args =
        [
            "--environment", "Development",
            "--urls", "http://127.0.0.1:0",
            "--Orleans:SiloPort", FreePort(),
            "--Orleans:GatewayPort", FreePort(),
            "--Signing:KeystorePath", keystore,
            "--Replay:Directory", Path.Combine(SuiteRoot, "fixtures", "replay"),
            "--Replay:Prices", Path.Combine(SuiteRoot, "conformance", "prices", "momentum.csv"),
            "--Replay:StepMilliseconds", StepMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--Backtest:DataDirectory", Path.Combine(SuiteRoot, "fixtures", "backtest"),
            "--Gateway:RateLimits:Enabled", "false",
            "--Telemetry:Dashboard", "false",
            $"--Gateway:ApiKeys:{OperatorKey}:Operator", "alice",
            $"--Gateway:ApiKeys:{OperatorKey}:Role", "operator",
            $"--Gateway:ApiKeys:{ReviewerKey}:Operator", "bob",
            $"--Gateway:ApiKeys:{ReviewerKey}:Role", "reviewer",
            "--Logging:LogLevel:Default", "Warning",
        ];
        _silo = SiloHost.Build(args);
        await _silo.StartAsync();
        Address = new Uri(_silo.Urls.Single().TrimEnd('/') + "/");
    }

    public async Task DisposeAsync()
    {
        if (_silo is not null)
        {
            await _silo.StopAsync();
            await _silo.DisposeAsync();
        }

        try
        {
            Directory.Delete(_scratch, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>Runs the cases matching <paramref name="only"/> through <paramref name="tamper"/> (a broken service), or straight.</summary>
    public async Task<SuiteResult> RunSuiteAsync(string? only, TextWriter output, DelegatingHandler? tamper = null)
    {
        HttpMessageHandler handler = new SocketsHttpHandler();
        if (tamper is not null)
        {
            tamper.InnerHandler = handler;
            handler = tamper;
        }

        using var http = new HttpClient(handler) { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };
        var options = new RunnerOptions { Target = Address, OperatorKey = OperatorKey, ReviewerKey = ReviewerKey, Only = only, SuiteRoot = SuiteRoot };
        return await new ConformanceRunner(http, options, output).RunAsync(CancellationToken.None);
    }

    private static string FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}

[CollectionDefinition(Name)]
public sealed class WithEmbeddedSilo : ICollectionFixture<EmbeddedSiloService>
{
    public const string Name = "conformance against the embedded silo";
}
