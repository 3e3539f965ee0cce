using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Orleans.Dashboard;
using Polytraders.Gateway.Auth;
using Polytraders.Grains.Telemetry;
using Scalar.AspNetCore;

namespace Polytraders.Gateway.Telemetry;

/// <summary>
/// Metrics (Prometheus text on <see cref="MetricsPath"/>, OTLP when configured), traces (ASP.NET Core requests and
/// Orleans grain calls, OTLP when configured), the Orleans dashboard for operators and, in Development, an API
/// reference page over the OpenAPI document.
/// </summary>
public static class TelemetryExtensions
{
    public const string MetricsPath = "/metrics";
    public const string DashboardPath = "/dashboard";
    public const string ApiReferencePath = "/scalar";

    /// <summary>Orleans' own meter and activity sources (grain calls carry their trace context once propagation is on).</summary>
    private const string OrleansMeter = "Microsoft.Orleans";
    private static readonly string[] OrleansSources = ["Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application"];

    public static IServiceCollection AddPolytradersTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TelemetryOptions>().Bind(configuration.GetSection(TelemetryOptions.Section));
        var otlp = configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>()?.OtlpEndpoint;
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("polytraders"))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(GrainMetrics.MeterName, GatewayMetrics.MeterName, OrleansMeter).AddAspNetCoreInstrumentation().AddPrometheusExporter();
                if (otlp is not null)
                {
                    metrics.AddOtlpExporter(exporter => exporter.Endpoint = otlp);
                }
            });
        if (otlp is not null)
        {
            // Only with somewhere to send them: a recorded span per tick and per grain call costs the hot path
            // allocations that nobody would read.
            telemetry.WithTracing(tracing => tracing
                .AddSource(GrainTracing.SourceName)
                .AddSource(OrleansSources)
                .AddAspNetCoreInstrumentation()
                .AddOtlpExporter(exporter => exporter.Endpoint = otlp));
        }

        return services;
    }

    /// <summary>
    /// Trace context across grain calls, and the dashboard's services when <see cref="TelemetryOptions.Dashboard"/> is
    /// set (its page is mapped by <see cref="MapPolytradersTelemetry"/>).
    /// </summary>
    public static ISiloBuilder AddPolytradersTelemetry(this ISiloBuilder silo, IConfiguration configuration)
    {
        silo.AddActivityPropagation();
        if (DashboardWanted(configuration))
        {
            silo.AddDashboard();
            silo.Services.AddSingleton<DashboardHosted>();
        }

        return silo;
    }

    /// <summary>The same for a standalone gateway's cluster client (the silos host the dashboard's grains).</summary>
    public static IClientBuilder AddPolytradersTelemetry(this IClientBuilder client, IConfiguration configuration)
    {
        client.AddActivityPropagation();
        if (DashboardWanted(configuration))
        {
            client.AddDashboard();
            client.Services.AddSingleton<DashboardHosted>();
        }

        return client;
    }

    private static bool DashboardWanted(IConfiguration configuration) =>
        configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>()?.Dashboard ?? false;

    public static WebApplication MapPolytradersTelemetry(this WebApplication app)
    {
        app.MapPrometheusScrapingEndpoint(MetricsPath).RequireAuthorization(GatewayPolicies.Reviewer);
        if (app.Services.GetService<DashboardHosted>() is not null)
        {
            app.MapOrleansDashboard(DashboardPath).RequireAuthorization(GatewayPolicies.Operator);
        }

        if (app.Environment.IsDevelopment())
        {
            app.MapScalarApiReference(ApiReferencePath, options => options.WithOpenApiRoutePattern("/openapi/{documentName}.json")).AllowAnonymous();
        }

        return app;
    }

    /// <summary>Marks a host whose silo or client carries the dashboard's services.</summary>
    private sealed class DashboardHosted;
}
