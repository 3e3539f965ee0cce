using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Polytraders.Gateway.Options;

namespace Polytraders.Gateway.Health;

/// <summary>Ready when a grain call reaches the cluster: the management grain lists at least one active silo.</summary>
internal sealed class ClusterReachableHealthCheck(IGrainFactory grains, IOptions<GatewayOptions> options, ILogger<ClusterReachableHealthCheck> log) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var hosts = await grains.GetGrain<IManagementGrain>(0)
                .GetHosts(onlyActive: true)
                .WaitAsync(options.Value.ReadinessTimeout, cancellationToken);
            return hosts.Count > 0
                ? HealthCheckResult.Healthy($"{hosts.Count} active silo(s).")
                : HealthCheckResult.Unhealthy("The cluster has no active silo.");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            GatewayLog.NotReady(log, e);
            return HealthCheckResult.Unhealthy("The cluster cannot be reached.");
        }
    }
}
