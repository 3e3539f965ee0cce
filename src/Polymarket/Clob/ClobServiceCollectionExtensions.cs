using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Polytraders.Polymarket.Clob;

/// <summary>Registers the CLOB clients, their options and the client-side rate limiter.</summary>
public static class ClobServiceCollectionExtensions
{
    /// <summary>
    /// Binds "Clob" and "Clob:Credentials", validates on start, and registers <see cref="ClobRestClient"/> (over one
    /// long-lived <see cref="HttpClient"/> whose pooled connections are recycled every 5 minutes, so DNS changes are
    /// seen without IHttpClientFactory), the two websocket clients, and <see cref="ConfiguredClobAccountSource"/> as
    /// the <see cref="IClobAccountSource"/> unless one is registered already. Needs logging in the container.
    /// </summary>
    public static IServiceCollection AddPolymarketClobClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ClobOptions>().Bind(configuration.GetSection(ClobOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ClobCredentialsOptions>().Bind(configuration.GetSection(ClobCredentialsOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ClobOptions>, ClobOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ClobCredentialsOptions>, ClobCredentialsOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ClobRateLimiter>();
        services.TryAddSingleton<IClobAccountSource, ConfiguredClobAccountSource>();
        services.TryAddSingleton(sp => new ClobRestClient(
            CreateHttpClient(),
            sp.GetRequiredService<IOptions<ClobOptions>>(),
            sp.GetRequiredService<ClobRateLimiter>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<ClobRestClient>>()));
        services.TryAddSingleton<MarketWebSocketClient>();
        services.TryAddSingleton<UserWebSocketClient>();
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
