using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Polytraders.Grains.Audit;
using Polytraders.Grains.Execution;
using Polytraders.Grains.Execution.Venues;

namespace Polytraders.Grains;

/// <summary>The services grains take from DI, registered once for every silo configuration.</summary>
public static class GrainServices
{
    public static IServiceCollection AddPolytradersGrains(this IServiceCollection services, IConfiguration configuration, DeploymentProfile deployment)
    {
        services.AddSingleton(deployment);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IAuditStore, MemoryAuditStore>();
        services.AddOptions<SigningOptions>().Bind(configuration.GetSection(SigningOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<OrderSignerService>();
        services.AddOptions<PaperVenueOptions>().Bind(configuration.GetSection(PaperVenueOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<IVenue, PaperVenue>();
        return services;
    }
}
