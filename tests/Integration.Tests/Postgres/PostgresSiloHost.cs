using System.Net;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Polytraders.Silo.Postgres;
using Xunit.Abstractions;

namespace Polytraders.Integration.Tests.Postgres;

/// <summary>A single real silo configured the way production is for the Postgres profile.</summary>
internal static class PostgresSiloHost
{
    public const string ServiceId = "polytraders-it";

    public static async Task<IHost> StartAsync(string connectionString, string clusterId, ITestOutputHelper output)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.AddProvider(new XunitLoggerProvider(output)).SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(cluster =>
            {
                cluster.ClusterId = clusterId;
                cluster.ServiceId = ServiceId;
            });
            silo.ConfigureEndpoints(IPAddress.Loopback, FreePort.Next(), FreePort.Next());
            silo.UsePolytradersPostgres(new PostgresOptions { ConnectionString = connectionString });
        });

        var host = builder.Build();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await host.StartAsync(timeout.Token);
        return host;
    }

    public static async Task StopAsync(IHost host)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await host.StopAsync(timeout.Token);
        host.Dispose();
    }
}
