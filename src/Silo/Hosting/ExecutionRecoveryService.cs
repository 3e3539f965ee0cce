using Polytraders.Grains;
using Polytraders.Grains.Hosting;

namespace Polytraders.Silo.Hosting;

/// <summary>
/// On a durable silo, activates the execution grain once the silo is up and then once a minute. The grain reconciles
/// the orders a crash left pending when it activates, so they are finished now rather than when the next intent
/// arrives, and also when the silo that held the grain died while this one lives on (a call to an active grain costs
/// one message and does nothing else). A call that fails (the grain's silo just died) is retried with
/// <see cref="GrainCallRetry"/>'s backoff rather than waiting for the next minute.
/// </summary>
public sealed partial class ExecutionRecoveryService(IGrainFactory grains, TimeProvider time, ILogger<ExecutionRecoveryService> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var retry = new GrainCallRetry(time, logger);
        var execution = grains.GetGrain<IExecutionGrain>(IExecutionGrain.Key);
        await retry.RunAsync("Execution recovery", IExecutionGrain.Key, _ => execution.GetSignerAddress(), stoppingToken);
        LogActive();
        while (true)
        {
            await Task.Delay(Interval, time, stoppingToken);
            await retry.RunAsync("Execution recovery", IExecutionGrain.Key, _ => execution.GetSignerAddress(), stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Execution grain active; orders a restart left pending are reconciled")]
    private partial void LogActive();
}
