using System.Diagnostics.Metrics;

namespace Polytraders.Gateway.Telemetry;

/// <summary>The gateway's own figures (meter <see cref="MeterName"/>): failed authentications and rate-limit refusals.</summary>
public static class GatewayMetrics
{
    public const string MeterName = "Polytraders.Gateway";

    public static readonly Meter Meter = new(MeterName);

    public static readonly Counter<long> AuthenticationFailures = Meter.CreateCounter<long>(
        "polytraders.gateway.authentication.failures", unit: "{request}", description: "Requests whose API key was missing, malformed or unknown.");

    public static readonly Counter<long> RateLimited = Meter.CreateCounter<long>(
        "polytraders.gateway.rate_limited", unit: "{request}", description: "Requests refused with 429, by limit (reads, writes, failed_authentication).");

    public static void Refused(string limit) => RateLimited.Add(1, new KeyValuePair<string, object?>("limit", limit));
}
