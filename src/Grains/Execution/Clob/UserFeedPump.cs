using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polytraders.Contracts;

namespace Polytraders.Grains.Execution.Clob;

/// <summary>
/// Runs the authenticated user channel for the configured account (<see cref="ClobOptions.UserMarkets"/>; empty = all
/// of its markets) and hands every fill update of our orders to the execution grain
/// (<see cref="IExecutionGrain.OnVenueFill"/>), which maps it to its intent, deduplicates by fill id and status,
/// audits it and reports a new fill onward once. The channel replays nothing after a reconnect, so on a
/// <see cref="UserFeedGap"/> the pump back-fills: the account's trades since shortly before the loss (GET /data/trades,
/// per configured market), mapped to fills of our submitted orders, go through the same hand-over; repeats of what the
/// socket already delivered are ignored by execution. A back-fill the venue refuses is logged and skipped and the pump
/// keeps running; the trades it missed are booked only when a later status of the same trade arrives on the socket
/// (a later gap's back-fill starts from that gap). A hand-over that fails is retried a few times, then logged as an error
/// and left unbooked on the same terms. Without CLOB credentials the pump stays idle.
/// </summary>
public sealed partial class UserFeedPump(
    UserWebSocketClient feed,
    IClobAccountSource accounts,
    ClobRestClient client,
    SubmittedOrderIndex submitted,
    IGrainFactory grains,
    IOptions<ClobOptions> options,
    TimeProvider time,
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
                        await BackFillAsync(account, gap.LostAt, stoppingToken).ConfigureAwait(false);
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

    private async Task BackFillAsync(ClobAccount account, DateTimeOffset lostAt, CancellationToken stoppingToken)
    {
        // The trades' statuses are the venue's latest, so one pass covers every update the socket missed.
        var markets = options.Value.UserMarkets.Distinct(StringComparer.Ordinal).Select(m => (string?)m).DefaultIfEmpty(null);
        var handed = 0;
        foreach (var market in markets)
        {
            List<Fill> fills;
            try
            {
                fills = await client.FillsSinceAsync(account, submitted, lostAt, time, market, cancellationToken: stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogBackFillFailed(lostAt, market ?? "all", ex.Message, ex);
                continue;
            }

            foreach (var fill in fills)
            {
                await HandOverAsync(fill, stoppingToken).ConfigureAwait(false);
            }

            handed += fills.Count;
        }

        LogBackFilled(lostAt, handed);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "CLOB user feed gap from {LostAt:o} to {ReconnectedAt:o}: back-filling our orders' trades since then from GET /data/trades")]
    private partial void LogGap(DateTimeOffset lostAt, DateTimeOffset reconnectedAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "CLOB user feed back-fill since {LostAt:o}: {Fills} fills of our orders handed to execution")]
    private partial void LogBackFilled(DateTimeOffset lostAt, int fills);

    [LoggerMessage(Level = LogLevel.Warning, Message = "CLOB user feed back-fill since {LostAt:o} (market {Market}) failed ({Reason}); our orders' trades in that gap stay unbooked until a later status of the same trade arrives")]
    private partial void LogBackFillFailed(DateTimeOffset lostAt, string market, string reason, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "CLOB user feed fill {FillId} names {ClientOrderId}, which execution does not hold")]
    private partial void LogUnknownOrder(string fillId, string clientOrderId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "CLOB user feed fill {FillId}: hand-over attempt {Attempt} failed ({Reason}); retrying")]
    private partial void LogRetrying(string fillId, int attempt, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "CLOB user feed fill {FillId} ({Status}) could not be handed to execution; it stays unbooked until a later status of the same trade arrives or a later gap's back-fill returns it")]
    private partial void LogDropped(string fillId, FillStatus status, Exception exception);
}
