using System.Net;
using Orleans.Configuration;
using Polytraders.Gateway;
using Polytraders.Grains.Execution.Polymarket;
using Polytraders.Silo.Hosting;
using Polytraders.Silo.Postgres;

namespace Polytraders.Silo;

/// <summary>
/// The silo process: Orleans, the co-hosted gateway and the replay, configured from appsettings + environment +
/// command line. <c>Storage:Provider</c> picks the profile: Memory (the embedded default, one silo, localhost
/// clustering) or Postgres (durable: ADO.NET clustering, grain state, pub/sub, reminders and the audit trail).
/// </summary>
public static class SiloHost
{
    public static WebApplication Build(string[] args) => Build(args, configure: null);

    /// <summary>
    /// For tests: <paramref name="configure"/> runs on the fresh builder before anything is registered, so services it
    /// adds win over the defaults the grains register with TryAdd (e.g. a test <c>IVenue</c>).
    /// </summary>
    internal static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure)
    {
        // Settings ship beside the binaries, so the silo reads the same appsettings whatever folder it is started from.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        configure?.Invoke(builder);
        builder.Services.AddOptions<ReplayOptions>().BindConfiguration(ReplayOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<OrleansHostOptions>().BindConfiguration(OrleansHostOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var storage = builder.Configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        var orleans = builder.Configuration.GetSection(OrleansHostOptions.Section).Get<OrleansHostOptions>() ?? new OrleansHostOptions();
        DurableStorageGuard.ThrowIfLiveOnMemory(builder.Configuration, storage);

        var durable = storage.Provider == StorageProvider.Postgres;
        if (durable && string.IsNullOrWhiteSpace(storage.ConnectionString))
        {
            throw new InvalidOperationException("Storage:ConnectionString is required when Storage:Provider is Postgres.");
        }

        if (durable && storage.MigrateOnStart)
        {
            // Before UseOrleans: hosted services start in registration order, and the ADO.NET providers read their
            // queries from the database as the silo starts.
            builder.Services.AddHostedService<MigrateOnStartService>();
        }

        builder.UseOrleans(silo =>
        {
            var serviceId = orleans.EffectiveServiceId(storage.Provider);
            var clusterId = orleans.EffectiveClusterId(storage.Provider);
            if (durable)
            {
                silo.Configure<ClusterOptions>(cluster =>
                {
                    cluster.ServiceId = serviceId;
                    cluster.ClusterId = clusterId;
                });
                silo.ConfigureEndpoints(IPAddress.Parse(orleans.AdvertisedIPAddress), orleans.SiloPort, orleans.GatewayPort);
                PostgresSilo.Configure(silo, builder.Configuration, storage.ConnectionString!);
            }
            else
            {
                silo.UseLocalhostClustering(orleans.SiloPort, orleans.GatewayPort, serviceId: serviceId, clusterId: clusterId);
                EmbeddedSilo.Configure(silo, builder.Configuration);
            }
        });
        var venue = builder.Configuration.GetSection(VenueOptions.Section).Get<VenueOptions>() ?? new VenueOptions();
        if (venue.Kind == VenueKind.Clob)
        {
            // Replaces the paper venue and pumps the market and user websockets into the grains.
            builder.Services.AddPolymarketClob(builder.Configuration);
        }

        builder.Services.AddHostedService<SigningKeyWarmup>();
        builder.Services.AddHostedService<ReplayService>();
        builder.Services.AddPolytradersGateway(builder.Configuration);
        var app = builder.Build();
        app.MapPolytradersGateway();
        return app;
    }
}
