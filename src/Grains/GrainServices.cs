using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Polytraders.Grains.Bots;
using Polytraders.Grains.Execution;
using Polytraders.Grains.Gates;
using Polytraders.Grains.Serialization;
using Polytraders.Trading.Audit;
using Polytraders.Trading.Venues;
using Polytraders.Trading.Watchlists;

namespace Polytraders.Grains;

/// <summary>The services grains take from DI, registered once for every silo configuration.</summary>
public static class GrainServices
{
    public static IServiceCollection AddPolytradersGrains(this IServiceCollection services, IConfiguration configuration, DeploymentProfile deployment)
    {
        services.AddSingleton(deployment);
        services.AddCoreStateSerialization();
        services.AddBinaryGrainStateStorage();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IAuditStore, MemoryAuditStore>();
        services.AddOrderSigning(configuration);
        services.AddOptions<ExecutionOptions>().Bind(configuration.GetSection(ExecutionOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<WatchlistLimits>().Bind(configuration.GetSection(WatchlistLimits.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PaperVenueOptions>().Bind(configuration.GetSection(PaperVenueOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<IVenue, PaperVenue>();
        services.AddOptions<BotsOptions>().Bind(configuration.GetSection(BotsOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<BotCatalogueHost>();
        services.AddHostedService<BotCatalogueStartup>();
        services.AddOptions<GatesOptions>().Bind(configuration.GetSection(GatesOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<GateChecklistHost>();
        services.AddHostedService<GateChecklistStartup>();
        services.TryAddSingleton<GateEvaluator>();
        return services;
    }

    /// <summary>The signing key and its options (section "Signing"): the grains' signer, and the operator tools' that need the key.</summary>
    public static IServiceCollection AddOrderSigning(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SigningOptions>().Bind(configuration.GetSection(SigningOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<OrderSignerService>();
        services.TryAddSingleton<SigningAccountCheck>();
        return services;
    }
}
