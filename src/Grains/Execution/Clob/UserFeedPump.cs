using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polytraders.Contracts;

namespace Polytraders.Grains.Execution.Clob;

/// <summary>
/// Runs the authenticated user channel for the configured account (<see cref="ClobOptions.UserMarkets"/>; empty = all
/// of its markets) and hands every fill update of our orders to the execution grain
/// (<see cref="IExecutionGrain.OnVenueFill"/>), which maps it to its intent, deduplicates by fill id and status,
/// audits it and reports a new fill onward once. A hand-over that fails is retried a few times, then logged and left to
/// the reconciliation of the order (GET /data/trades). Without CLOB credentials the pump stays idle.
/// </summary>
public sealed partial class UserFeedPump(
    UserWebSocketClient feed,
    IClobAccountSource accounts,
    IGrainFactory grains,
    IOptions<ClobOptions> options,
    ILogger<UserFeedPump> logger) : BackgroundService
{
    private const int Attempts = 5;

    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(200);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        ClobAccount account;
        try
        {
            account = await accounts.GetAccountAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException ex)
        {
            LogIdle(ex.Message);
            return;
        }

        var run = feed.RunAsync(account, options.Value.UserMarkets, stoppingToken);
        try
        {
            await foreach (var e in feed.Events.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                switch (e)
                {
                    case FillUpdate update:
                        await HandOverAsync(update.Fill, stoppingToken).ConfigureAwait(false);
                        break;
                    case UserFeedGap gap:
                        LogGap(gap.LostAt, gap.ReconnectedAt);
                        break;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Silo shutting down.
        }

        await run.ConfigureAwait(false);
    }

    private async Task HandOverAsync(Fill fill, CancellationToken stoppingToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (!await grains.GetGrain<IExecutionGrain>(IExecutionGrain.Key).OnVenueFill(fill).ConfigureAwait(false))
                {
                    LogUnknownOrder(fill.FillId, fill.ClientOrderId);
                }

                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException && attempt < Attempts)
            {
                LogRetrying(fill.FillId, attempt, ex.Message);
                await Task.Delay(RetryDelay * attempt, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogDropped(fill.FillId, fill.Status, ex);
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "CLOB user feed idle: {Reason}")]
    private partial void LogIdle(string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "CLOB user feed gap from {LostAt:o} to {ReconnectedAt:o}: orders' trades in between are reconciled from the venue")]
    private partial void LogGap(DateTimeOffset lostAt, DateTimeOffset reconnectedAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "CLOB user feed fill {FillId} names {ClientOrderId}, which execution does not hold")]
    private partial void LogUnknownOrder(string fillId, string clientOrderId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "CLOB user feed fill {FillId}: hand-over attempt {Attempt} failed ({Reason}); retrying")]
    private partial void LogRetrying(string fillId, int attempt, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "CLOB user feed fill {FillId} ({Status}) could not be handed to execution; the order's reconciliation must pick it up")]
    private partial void LogDropped(string fillId, FillStatus status, Exception exception);
}
