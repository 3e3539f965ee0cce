using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Polytraders.Polymarket.Clob;
using Polytraders.Trading.Venues;

namespace Polytraders.Grains.Execution.Polymarket;

/// <summary>Registers the CLOB as the silo's venue and (optionally) the market and user feed pumps.</summary>
public static class ClobVenueServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Polymarket client (<see cref="ClobServiceCollectionExtensions.AddPolymarketClobClient"/>), binds
    /// <see cref="ClobVenueOptions"/> (validated on start), and registers <see cref="ClobVenue"/> as
    /// <see cref="IVenue"/> (replacing the paper venue). <paramref name="pumpMarketFeed"/> adds
    /// <see cref="MarketFeedPump"/> and <paramref name="pumpUserFeed"/> adds <see cref="UserFeedPump"/> (fills of
    /// resting orders → the execution grain) as hosted services; both need a silo (or an Orleans client) in the same
    /// container. With "Clob:Credentials:FromKey" the credentials come from the signing key, taken at start.
    /// </summary>
    public static IServiceCollection AddPolymarketClob(this IServiceCollection services, IConfiguration configuration, bool pumpMarketFeed = true, bool pumpUserFeed = true)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddPolymarketClobClient(configuration);
        if (configuration.GetSection(ClobCredentialsOptions.Section).Get<ClobCredentialsOptions>() is { FromKey: true })
        {
            // Before the pumps: hosted services start in registration order, and the user feed needs the account.
            services.AddClobCredentialsFromKey();
            services.AddHostedService<ClobCredentialsWarmup>();
        }

        services.AddOptions<ClobVenueOptions>().Bind(configuration.GetSection(ClobVenueOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<SubmittedOrderIndex>();
        services.TryAddSingleton<ClobVenue>();
        services.Replace(ServiceDescriptor.Singleton<IVenue>(sp => sp.GetRequiredService<ClobVenue>()));
        if (pumpMarketFeed)
        {
            services.AddHostedService<MarketFeedPump>();
        }

        if (pumpUserFeed)
        {
            services.AddHostedService<UserFeedPump>();
        }

        return services;
    }

    /// <summary>
    /// Takes the account's L2 credentials from the signing key (<see cref="KeyDerivedClobAccountSource"/>) instead of
    /// configuration. Needs the CLOB client and the signer (<see cref="GrainServices.AddOrderSigning"/>) registered.
    /// </summary>
    public static IServiceCollection AddClobCredentialsFromKey(this IServiceCollection services)
    {
        services.TryAddSingleton<KeyDerivedClobAccountSource>();
        services.Replace(ServiceDescriptor.Singleton<IClobAccountSource>(sp => sp.GetRequiredService<KeyDerivedClobAccountSource>()));
        return services;
    }
}
