using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Orleans.Configuration;
using Polytraders.Silo;
using Polytraders.Silo.Hosting;
using Polytraders.Silo.Postgres;
using Polytraders.Trading.Venues;

namespace Polytraders.Bench.Cluster;

/// <summary>
/// One silo in this process, configured by the host's own entry points: <see cref="EmbeddedSilo.Configure"/> (memory
/// storage and streams) or <see cref="PostgresSilo.Configure"/>, plus what the benchmark adds around them and nothing
/// inside them: its call counters (an incoming grain call filter) and, for the execution path, its venue (registered
/// first, so the grains' TryAdd of the paper venue leaves it in place). Calls go through the silo's own grain factory.
/// </summary>
internal sealed class BenchSilo : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly DirectoryInfo _keys;
    private readonly StopSwitch _stopping;

    private BenchSilo(IHost host, DirectoryInfo keys, StopSwitch stopping)
    {
        _host = host;
        _keys = keys;
        _stopping = stopping;
    }

    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    /// <param name="postgres">The PostgreSQL profile's connection string (schema migrated); null for the embedded default.</param>
    /// <param name="venue">Replaces the paper venue; null keeps the embedded default's.</param>
    public static async Task<BenchSilo> StartAsync(string? postgres, IVenue? venue, CallCounters counters, TimeSpan timeout)
    {
        // The development key is made on first use: in a directory of this run's, never in the user's ~/.polytraders.
        var keys = Directory.CreateTempSubdirectory("polytraders-bench-keys-");
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Signing:KeystorePath"] = Path.Combine(keys.FullName, "dev-keystore.json"),
        });
        // On standard error, so standard output is the benchmark's own: Orleans' warnings, the product's errors (its
        // warnings are the trading tape's unfilled orders, expected), and nothing while stopping, when a silo still
        // busy with a trading tape's backlog reports every queued message it drops.
        var stopping = new StopSwitch();
        builder.Logging.AddSimpleConsole(console => console.SingleLine = true)
            .AddFilter((category, level) => !stopping.On && level >= (category?.StartsWith("Polytraders.", StringComparison.Ordinal) == true ? LogLevel.Error : LogLevel.Warning));
        builder.Services.Configure<ConsoleLoggerOptions>(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.AddSingleton(counters);
        if (venue is not null)
        {
            builder.Services.AddSingleton(venue);
        }

        // As the silo host does: the key is opened (made, on a first run) while the silo starts, not by the first order.
        builder.Services.AddHostedService<SigningKeyWarmup>();

        builder.UseOrleans(silo =>
        {
            silo.AddIncomingGrainCallFilter<CountingCallFilter>();
            silo.AddOutgoingGrainCallFilter<CountingCallFilter>();
            // A run of its own: free ports, so it never meets a silo already running on this machine, and on PostgreSQL
            // a service id no earlier run used, so every grain starts fresh.
            var (siloPort, gatewayPort) = (FreePort(), FreePort());
            var run = $"bench-{Guid.NewGuid():N}";
            if (postgres is null)
            {
                silo.UseLocalhostClustering(siloPort, gatewayPort, serviceId: run, clusterId: run);
                EmbeddedSilo.Configure(silo, builder.Configuration);
            }
            else
            {
                silo.Configure<ClusterOptions>(cluster => (cluster.ServiceId, cluster.ClusterId) = (run, run));
                silo.ConfigureEndpoints(IPAddress.Loopback, siloPort, gatewayPort);
                PostgresSilo.Configure(silo, builder.Configuration, postgres);
            }
        });

        var host = builder.Build();
        using var starting = new CancellationTokenSource(timeout);
        try
        {
            await host.StartAsync(starting.Token);
        }
        catch
        {
            host.Dispose();
            keys.Delete(recursive: true);
            throw;
        }

        return new BenchSilo(host, keys, stopping);
    }

    public async ValueTask DisposeAsync()
    {
        _stopping.On = true;
        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await _host.StopAsync(stopping.Token);
        }
        finally
        {
            _host.Dispose();
            _keys.Delete(recursive: true);
        }
    }

    private sealed class StopSwitch
    {
        private bool _on;

        public bool On
        {
            get => Volatile.Read(ref _on);
            set => Volatile.Write(ref _on, value);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
