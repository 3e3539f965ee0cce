using Polytraders.Grains;

namespace Polytraders.Silo.Hosting;

/// <summary>
/// On a durable silo, activates the execution grain once the silo is up and then once a minute. The grain reconciles
/// the orders a crash left pending when it activates, so they are finished now rather than when the next intent
/// arrives, and also when the silo that held the grain died while this one lives on (a call to an active grain costs
/// one message and does nothing else).
/// </summary>
public sealed partial class ExecutionRecoveryService(IGrainFactory grains, ILogger<ExecutionRecoveryService> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var first = true;
        var delay = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await grains.GetGrain<IExecutionGrain>(IExecutionGrain.Key).GetSignerAddress().WaitAsync(stoppingToken);
                if (first)
                {
                    LogActive();
                    first = false;
                }

                delay = Interval;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(e);
                delay = delay < Interval ? delay * 2 : Interval;
            }

            await Task.Delay(delay, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Execution grain active; orders a restart left pending are reconciled")]
    private partial void LogActive();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Activating the execution grain failed; retrying")]
    private partial void LogFailed(Exception exception);
}
