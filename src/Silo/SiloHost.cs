using System.Net;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Polytraders.Gateway;
using Polytraders.Gateway.Telemetry;
using Polytraders.Grains.Execution;
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
    /// <summary>Where the silo's HTTP gateway listens unless <c>--urls</c>, <c>ASPNETCORE_URLS</c>, <c>Urls</c> or <c>Kestrel:Endpoints</c> say otherwise.</summary>
    public const string DefaultUrls = "http://127.0.0.1:5080";

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
        builder.UseDefaultUrlsUnlessConfigured(DefaultUrls);
        builder.Services.AddSingleton<IValidateOptions<SigningOptions>, ProductionKeystoreGuard>();
        builder.Services.AddOptions<ReplayOptions>().BindConfiguration(ReplayOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<OrleansHostOptions>().BindConfiguration(OrleansHostOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var storage = builder.Configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        var orleans = builder.Configuration.GetSection(OrleansHostOptions.Section).Get<OrleansHostOptions>() ?? new OrleansHostOptions();
        DurableStorageGuard.ThrowIfLiveOnMemory(builder.Configuration, storage);

        // Deliberately the default, StopHost: the background services (replay, execution recovery, feed pumps) retry every
        // grain call a silo loss fails (GrainCallRetry) and end only on cancellation, so what still escapes one is a bug or
        // a configuration error (e.g. an unreadable replay data set). A silo that stops on it is seen and restarted by its
        // supervisor, and the cluster rides that out; Ignore would leave a silo that looks healthy without replay or
        // recovery.
        builder.Services.Configure<HostOptions>(host => host.BackgroundServiceExceptionBehavior = BackgroundServiceExceptionBehavior.StopHost);

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

                // Failure detection (Orleans:Membership:ProbeTimeout, NumMissedProbesLimit, ...): Orleans' defaults unless
                // set; a cluster that must fail over faster than its ~15 s default can shorten the probes here.
                silo.Services.AddOptions<ClusterMembershipOptions>().BindConfiguration(OrleansHostOptions.MembershipSection);
                PostgresSilo.Configure(silo, builder.Configuration, storage.ConnectionString!);
            }
            else
            {
                silo.UseLocalhostClustering(orleans.SiloPort, orleans.GatewayPort, serviceId: serviceId, clusterId: clusterId);
                EmbeddedSilo.Configure(silo, builder.Configuration);
            }

            silo.AddPolytradersTelemetry(builder.Configuration);
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
