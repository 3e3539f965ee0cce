using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polytraders.Trading.Venues;

namespace Polytraders.Grains.Execution.Clob;

/// <summary>Registers the CLOB clients, the venue and (optionally) the market and user feed pumps.</summary>
public static class ClobServiceCollectionExtensions
{
    /// <summary>
    /// Binds "Clob" and "Clob:Credentials", validates on start, and registers <see cref="ClobRestClient"/> (over one
    /// long-lived <see cref="HttpClient"/> whose pooled connections are recycled every 5 minutes, so DNS changes are
    /// seen without IHttpClientFactory), <see cref="ClobVenue"/> as <see cref="IVenue"/> (replacing the paper venue),
    /// and the two websocket clients. <paramref name="pumpMarketFeed"/> adds <see cref="MarketFeedPump"/> and
    /// <paramref name="pumpUserFeed"/> adds <see cref="UserFeedPump"/> (fills of resting orders → the execution grain)
    /// as hosted services; both need a silo (or an Orleans client) in the same container.
    /// </summary>
    public static IServiceCollection AddPolymarketClob(this IServiceCollection services, IConfiguration configuration, bool pumpMarketFeed = true, bool pumpUserFeed = true)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ClobOptions>().Bind(configuration.GetSection(ClobOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ClobCredentialsOptions>().Bind(configuration.GetSection(ClobCredentialsOptions.Section));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ClobOptions>, ClobOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ClobRateLimiter>();
        services.TryAddSingleton<SubmittedOrderIndex>();
        services.TryAddSingleton<IClobAccountSource, ConfiguredClobAccountSource>();
        services.TryAddSingleton(sp => new ClobRestClient(
            CreateHttpClient(),
            sp.GetRequiredService<IOptions<ClobOptions>>(),
            sp.GetRequiredService<ClobRateLimiter>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<ClobRestClient>>()));
        services.TryAddSingleton<ClobVenue>();
        services.Replace(ServiceDescriptor.Singleton<IVenue>(sp => sp.GetRequiredService<ClobVenue>()));
        services.TryAddSingleton<MarketWebSocketClient>();
        services.TryAddSingleton<UserWebSocketClient>();
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

    /// <summary>The handler the registration uses; per-request timeouts come from <see cref="ClobOptions.RequestTimeout"/>.</summary>
    public static HttpClient CreateHttpClient()
    {
        var handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
            ConnectTimeout = TimeSpan.FromSeconds(10),
        };
        var http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        http.DefaultRequestHeaders.UserAgent.ParseAdd("polytraders-clob/1.0");
        http.DefaultRequestHeaders.Accept.ParseAdd("application/json");
        return http;
    }
}
