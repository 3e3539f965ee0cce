using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Polytraders.Contracts;
using Polytraders.Gateway.Auditing;
using Polytraders.Gateway.Auth;
using Polytraders.Gateway.Contracts;
using Polytraders.Gateway.Endpoints;
using Polytraders.Gateway.Health;
using Polytraders.Gateway.OpenApi;
using Polytraders.Gateway.Options;
using Polytraders.Gateway.Problems;
using Polytraders.Gateway.RateLimiting;
using Polytraders.Gateway.Telemetry;

namespace Polytraders.Gateway;

/// <summary>
/// Registers and maps the HTTP gateway. The standalone gateway (Program.cs, an Orleans client) and a silo co-hosting it
/// call the same two methods; either way the grains are reached through <see cref="IGrainFactory"/> from DI.
/// </summary>
public static class GatewayExtensions
{
    public const string ApiPrefix = "/api/v1";
    public const string OpenApiDocumentName = "v1";
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";

    /// <summary>Services of the gateway: options (validated at start), API-key auth, policies, problem details, OpenAPI, health.</summary>
    public static IServiceCollection AddPolytradersGateway(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<GatewayOptions>()
            .Bind(configuration.GetSection(GatewayOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GatewayOptions>, GatewayOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton<ContractValidatorHost>();
        services.AddHostedService(sp => sp.GetRequiredService<ContractValidatorHost>());
        services.AddSingleton<ContractBodyReader>();
        services.AddSingleton<ApiKeyRegistry>();
        services.AddSingleton<GatewayProblemWriter>();
        services.AddSingleton<ForbiddenAttemptAuditor>();
        services.AddHostedService(sp => sp.GetRequiredService<ForbiddenAttemptAuditor>());
        services.AddSingleton<FailedAuthenticationLimiter>();
        services.AddSingleton<ApiKeyRateLimitPolicy>();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy<string, ApiKeyRateLimitPolicy>(ApiKeyRateLimitPolicy.Name);
        });

        // ASP.NET Core's authorization logs every refused request ("Authorization failed ...") at Information: a guessing
        // or flooding client would fill the log. The gateway logs refusals itself (Debug, or once per window).
        services.Configure<LoggerFilterOptions>(options => options.Rules.Add(
            new LoggerFilterRule(providerName: null, categoryName: "Microsoft.AspNetCore.Authorization.DefaultAuthorizationService", logLevel: LogLevel.Warning, filter: null)));

        services.AddProblemDetails(options => options.CustomizeProblemDetails = CustomizeProblem);
        services.AddExceptionHandler<GatewayExceptionHandler>();

        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, configureOptions: null);
        services.AddAuthorizationBuilder()
            .AddPolicy(GatewayPolicies.Operator, policy => policy
                .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
                .RequireAuthenticatedUser()
                .RequireRole(GatewayRoles.Operator))
            .AddPolicy(GatewayPolicies.Reviewer, policy => policy
                .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
                .RequireAuthenticatedUser()
                .RequireRole(GatewayRoles.Operator, GatewayRoles.Reviewer));
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, GatewayAuthorizationResultHandler>();

        services.AddHealthChecks().AddCheck<ClusterReachableHealthCheck>("cluster", tags: ["ready"]);
        services.AddPolytradersTelemetry(configuration);

        // Bodies are read and answers written with ContractJson.Options (numbers strict). The OpenAPI schemas are made from
        // the HTTP JSON options, whose web defaults would also allow numbers as strings: describe what is accepted.
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.NumberHandling = JsonNumberHandling.Strict);
        services.AddOpenApi(OpenApiDocumentName, options =>
        {
            options.AddDocumentTransformer<BearerSecurityTransformers>();
            options.AddOperationTransformer<BearerSecurityTransformers>();
        });

        return services;
    }

    /// <summary>
    /// Listens on <paramref name="defaultUrls"/> only when nothing else chose where: not <c>--urls</c>, not
    /// <c>ASPNETCORE_URLS</c>/<c>DOTNET_URLS</c> (nor their <c>HTTP_PORTS</c>/<c>HTTPS_PORTS</c>), not <c>Urls</c> in a
    /// settings file or the environment, not <c>Kestrel:Endpoints</c>. (A <c>Urls</c> in appsettings.json would win
    /// over <c>ASPNETCORE_URLS</c>, which is read before the settings files: the default lives here instead.)
    /// </summary>
    public static WebApplicationBuilder UseDefaultUrlsUnlessConfigured(this WebApplicationBuilder builder, string defaultUrls)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        var chosen = !string.IsNullOrWhiteSpace(configuration[WebHostDefaults.ServerUrlsKey])
                     || !string.IsNullOrWhiteSpace(configuration[WebHostDefaults.HttpPortsKey])
                     || !string.IsNullOrWhiteSpace(configuration[WebHostDefaults.HttpsPortsKey])
                     || configuration.GetSection("Kestrel:Endpoints").GetChildren().Any();
        if (!chosen)
        {
            builder.WebHost.UseUrls(defaultUrls);
        }

        return builder;
    }

    /// <summary>
    /// Middleware (security headers, exception → problem, status pages → problem, routing, authentication, rate limits,
    /// authorization) and endpoints.
    /// Call it right after <c>Build()</c>, before other middleware, so failures anywhere after it answer as problems.
    /// </summary>
    public static WebApplication MapPolytradersGateway(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRouting();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();

        // The API document describes every route and its refusals: anyone may read it on a developer's machine, only
        // a caller with a key elsewhere.
        var openApi = app.MapOpenApi().WithMetadata(GatewayEndpointMetadata.Instance);
        if (app.Environment.IsDevelopment())
        {
            openApi.AllowAnonymous();
        }
        else
        {
            openApi.RequireAuthorization(GatewayPolicies.Reviewer).RequireRateLimiting(ApiKeyRateLimitPolicy.Name);
        }

        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthResponseWriter.WriteAsync })
            .AllowAnonymous()
            .WithMetadata(GatewayEndpointMetadata.Instance);
        app.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready"), ResponseWriter = HealthResponseWriter.WriteAsync })
            .AllowAnonymous()
            .WithMetadata(GatewayEndpointMetadata.Instance);

        var api = app.MapGroup(ApiPrefix)
            .RequireAuthorization(GatewayPolicies.Reviewer)
            .RequireRateLimiting(ApiKeyRateLimitPolicy.Name)
            .WithMetadata(GatewayEndpointMetadata.Instance)
            .WithTags("Polytraders")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status500InternalServerError);

        app.MapPolytradersTelemetry();
        MarketEndpoints.Map(api);
        PortfolioEndpoints.Map(api);
        PortfolioManagementEndpoints.Map(api);
        StrategyEndpoints.Map(api);
        AuditEndpoints.Map(api);
        ReasonCodeEndpoints.Map(api);
        BacktestEndpoints.Map(api);
        WatchlistEndpoints.Map(api);
        BotEndpoints.Map(api);
        LadderEndpoints.Map(api);

        // Unknown paths and wrong methods need no endpoint: the status-code page answers them as problems
        // (404 GOV_NOT_FOUND, 405 GOV_INVALID_REQUEST, see CustomizeProblem).

        return app;
    }

    /// <summary>Every problem names its trace id; a status-code page (404, 405, ...) also gets a registered reason code.</summary>
    private static void CustomizeProblem(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        problem.Instance ??= context.HttpContext.Request.Path;
        problem.Extensions["traceId"] = System.Diagnostics.Activity.Current?.Id ?? context.HttpContext.TraceIdentifier;
        if (!problem.Extensions.ContainsKey(GatewayProblem.ReasonCodeKey))
        {
            var code = problem.Status switch
            {
                StatusCodes.Status404NotFound => ReasonCodes.GovNotFound,
                StatusCodes.Status401Unauthorized => ReasonCodes.SecUnauthenticated,
                StatusCodes.Status403Forbidden => ReasonCodes.SecForbiddenRole,
                StatusCodes.Status429TooManyRequests => ReasonCodes.SecRateLimited,
                >= 400 and < 500 => ReasonCodes.GovInvalidRequest,
                _ => null,
            };
            if (code is not null)
            {
                problem.Extensions[GatewayProblem.ReasonCodeKey] = code;
            }
        }
    }
}
