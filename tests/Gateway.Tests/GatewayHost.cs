using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.TestingHost;
using Polytraders.Grains.Execution;
using Polytraders.Polymarket.Keystore;

namespace Polytraders.Gateway.Tests;

/// <summary>
/// The gateway over HTTP (TestServer) in front of an in-process Orleans cluster whose client is the gateway's
/// <see cref="IGrainFactory"/>, as in the standalone gateway. Subclasses choose what the silo runs.
/// </summary>
public abstract class GatewayHost : IAsyncLifetime
{
    public const string OperatorKey = "test-operator-key-0001";
    public const string ReviewerKey = "test-reviewer-key-0001";
    public const string OperatorId = "alice";
    public const string ReviewerId = "bob";

    /// <summary>Two more operators, for what one operator must not see of another's (their own Watchlists).</summary>
    public const string CarolKey = "test-operator-key-carol";
    public const string DaveKey = "test-operator-key-dave";

    /// <summary>Dave's Tenant; every other key speaks for the default one, TEN-DESK.</summary>
    public const string OtherTenant = "TEN-OTHER";

    private readonly string _scratch = Path.Combine(Path.GetTempPath(), "polytraders-gateway-tests", Guid.NewGuid().ToString("N"));
    private InProcessTestCluster? _cluster;
    private WebApplication? _app;

    public InProcessTestCluster Cluster => _cluster ?? throw new InvalidOperationException("The host has not started.");

    public IGrainFactory Grains => Cluster.Client;

    public WebApplication App => _app ?? throw new InvalidOperationException("The host has not started.");

    /// <summary>Configuration of the silo and the gateway: the test keys, and a scratch keystore.</summary>
    public IConfiguration Configuration { get; private set; } = new ConfigurationBuilder().Build();

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_scratch);

        // The development key the silo opens at the first launch, made here with a cheap KDF: the standard scrypt costs
        // seconds per open (more on a busy machine), and a launch would wait for it.
        using (DevKeyFile.LoadOrCreate(Path.Combine(_scratch, "dev-keystore.json"), SigningOptions.DevelopmentKeystorePassword, NullLogger.Instance, new Pbkdf2Kdf(1024)))
        {
        }
        var settings = Settings(_scratch);
        foreach (var (key, value) in ExtraSettings)
        {
            settings[key] = value;
        }

        Configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

        var clusterBuilder = new InProcessTestClusterBuilder(1);
        clusterBuilder.ConfigureSilo((_, silo) => ConfigureSilo(silo, Configuration));
        clusterBuilder.ConfigureHost(host => host.Logging.SetMinimumLevel(LogLevel.Warning));
        _cluster = clusterBuilder.Build();
        await _cluster.DeployAsync();
        await SeedAsync(_cluster.Client);

        _app = BuildGateway(Configuration, services => services.AddSingleton<IGrainFactory>(_cluster.Client));
        await _app.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        if (_cluster is not null)
        {
            await _cluster.StopAllSilosAsync();
            await _cluster.DisposeAsync();
        }

        try
        {
            Directory.Delete(_scratch, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    public HttpClient Anonymous() => App.GetTestClient();

    public HttpClient As(string apiKey)
    {
        var client = App.GetTestClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        return client;
    }

    public HttpClient AsOperator() => As(OperatorKey);

    public HttpClient AsReviewer() => As(ReviewerKey);

    /// <summary>
    /// A gateway on a TestServer (or, with <paramref name="kestrel"/>, on Kestrel at a free loopback port) with
    /// <paramref name="settings"/> as its only configuration.
    /// </summary>
    public static WebApplication BuildGateway(IConfiguration settings, Action<IServiceCollection> services, string environment = "Testing", bool kestrel = false)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = environment,
            ApplicationName = typeof(GatewayExtensions).Assembly.GetName().Name,
        });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddConfiguration(settings);
        builder.Logging.ClearProviders();
        if (kestrel)
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
        }
        else
        {
            builder.WebHost.UseTestServer();
        }

        services(builder.Services);
        builder.Services.AddPolytradersGateway(builder.Configuration);
        var app = builder.Build();
        app.MapPolytradersGateway();
        return app;
    }

    public static Dictionary<string, string?> Settings(string scratch) => new()
    {
        [$"Gateway:ApiKeys:{OperatorKey}:Operator"] = OperatorId,
        [$"Gateway:ApiKeys:{OperatorKey}:Role"] = "operator",
        [$"Gateway:ApiKeys:{ReviewerKey}:Operator"] = ReviewerId,
        [$"Gateway:ApiKeys:{ReviewerKey}:Role"] = "reviewer",
        [$"Gateway:ApiKeys:{CarolKey}:Operator"] = "carol",
        [$"Gateway:ApiKeys:{CarolKey}:Role"] = "operator",
        [$"Gateway:ApiKeys:{DaveKey}:Operator"] = "dave",
        [$"Gateway:ApiKeys:{DaveKey}:Role"] = "operator",
        [$"Gateway:ApiKeys:{DaveKey}:Tenant"] = OtherTenant,
        ["Signing:KeystorePath"] = Path.Combine(scratch, "dev-keystore.json"),
    };

    /// <summary>Settings a host adds to (or overrides in) <see cref="Settings"/>, e.g. its own rate limits.</summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> ExtraSettings => [];

    protected abstract void ConfigureSilo(ISiloBuilder silo, IConfiguration configuration);

    protected virtual Task SeedAsync(IGrainFactory grains) => Task.CompletedTask;
}

/// <summary>A silo with no storage or streams: enough for everything the gateway answers without a grain.</summary>
public sealed class GatewayWithoutGrains : GatewayHost
{
    protected override void ConfigureSilo(ISiloBuilder silo, IConfiguration configuration)
    {
    }
}

[CollectionDefinition(Name)]
public sealed class WithoutGrains : ICollectionFixture<GatewayWithoutGrains>
{
    public const string Name = "gateway without grains";
}

/// <summary>
/// Test classes with a host of their own (their own limits, windows or state): they run one after another, after the
/// shared hosts' collections, so their silos do not compete with those for the machine's two cores.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class OwnHosts
{
    public const string Name = "gateway hosts of their own";
}
