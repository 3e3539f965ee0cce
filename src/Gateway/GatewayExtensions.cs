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
    /// Middleware (exception → problem, status pages → problem, routing, authentication, authorization) and endpoints.
    /// Call it right after <c>Build()</c>, before other middleware, so failures anywhere after it answer as problems.
    /// </summary>
    public static WebApplication MapPolytradersGateway(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapOpenApi().AllowAnonymous().WithMetadata(GatewayEndpointMetadata.Instance);
        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthResponseWriter.WriteAsync })
            .AllowAnonymous()
            .WithMetadata(GatewayEndpointMetadata.Instance);
        app.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready"), ResponseWriter = HealthResponseWriter.WriteAsync })
            .AllowAnonymous()
            .WithMetadata(GatewayEndpointMetadata.Instance);

        var api = app.MapGroup(ApiPrefix)
            .RequireAuthorization(GatewayPolicies.Reviewer)
            .WithMetadata(GatewayEndpointMetadata.Instance)
            .WithTags("Polytraders")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status500InternalServerError);

        MarketEndpoints.Map(api);
        PortfolioEndpoints.Map(api);
        StrategyEndpoints.Map(api);
        AuditEndpoints.Map(api);
        ReasonCodeEndpoints.Map(api);
        BacktestEndpoints.Map(api);
        WatchlistEndpoints.Map(api);
        BotEndpoints.Map(api);

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
