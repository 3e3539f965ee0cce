using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polytraders.Contracts;
using Polytraders.Grains.Hosting;
using Polytraders.Polymarket.Clob;

namespace Polytraders.Grains.Execution.Polymarket;

/// <summary>
/// Runs the authenticated user channel for the configured account (<see cref="ClobVenueOptions.UserMarkets"/>; empty =
/// all of its markets), turns its trade updates into fills of our orders (<see cref="UserFeedFills"/>) and hands each
/// to its order grain (<see cref="IOrderGrain.OnVenueFill"/>, keyed by client order id), which deduplicates by
/// fill id and status, audits it and reports a new fill onward once. The channel replays nothing after a reconnect, so
/// on a <see cref="UserFeedGap"/> the pump back-fills: the account's trades since shortly before the loss
/// (GET /data/trades, per configured market), mapped to fills of our submitted orders, go through the same hand-over;
/// repeats of what the socket already delivered are ignored by the order grain. A hand-over that fails because a silo died
/// is retried until it gets through (<see cref="GrainCallRetry"/>); one that fails otherwise is retried a few times,
/// then dropped. Whatever is left unbooked — a back-fill the venue refuses, or a dropped hand-over — leaves the
/// pump owing a back-fill from the earliest time trades may be missing: it is retried every
/// <see cref="ClobVenueOptions.UserBackFillRetryInterval"/> and the next gap's back-fill starts from it too, until a
/// back-fill from there succeeds. The retry runs in the same loop as the socket's events, so hand-overs never overlap.
/// Its order updates that say one of our resting orders left the book (a cancellation, or a GTD expiry) go to the
/// order's grain too (<see cref="IOrderGrain.OnVenueOrderClosed"/>), which closes it and releases risk's reservation.
/// Without CLOB credentials the pump stays idle.
/// </summary>
public sealed partial class UserFeedPump(
    UserWebSocketClient feed,
    IClobAccountSource accounts,
    ClobRestClient client,
    SubmittedOrderIndex submitted,
    IGrainFactory grains,
    IOptions<ClobVenueOptions> options,
    TimeProvider time,
    ILogger<UserFeedPump> logger) : BackgroundService
{
    private const int Attempts = 5;

    private readonly UserFeedFills _fills = new(submitted);

    private readonly GrainCallRetry _retry = new(time, logger);

    /// <summary>
    /// The earliest time from which trades may still be unbooked, or null when nothing is owed. One value for all
    /// configured markets: re-fetching a market that did succeed only repeats fills execution ignores.
    /// </summary>
    private DateTimeOffset? _owedSince;

    private DateTimeOffset _retryAt;

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
            var events = feed.Events;
            while (true)
            {
                if (events.TryRead(out var e))
                {
                    await HandleAsync(account, e, stoppingToken).ConfigureAwait(false);
                }
                else if (_owedSince is { } owed && time.GetUtcNow() >= _retryAt)
                {
                    LogRetryingOwed(owed);
                    await BackFillAsync(account, owed, stoppingToken).ConfigureAwait(false);
                }
                else if (!await WaitAsync(events, stoppingToken).ConfigureAwait(false))
                {
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

    private async Task HandleAsync(ClobAccount account, UserFeedEvent e, CancellationToken stoppingToken)
    {
        switch (e)
        {
            case TradeUpdate update:
                foreach (var fill in _fills.Of(update))
                {
                    await HandOverAsync(fill, fill.FilledAt, stoppingToken).ConfigureAwait(false);
                }

                break;
            case OrderUpdate { IsCancellation: true } closed:
                await HandOverClosureAsync(closed, stoppingToken).ConfigureAwait(false);
                break;
            case UserFeedGap gap:
                LogGap(gap.LostAt, gap.ReconnectedAt);
                await BackFillAsync(account, gap.LostAt, stoppingToken).ConfigureAwait(false);
                break;
        }
    }

    /// <summary>
    /// Until the next event, or, while a back-fill is owed, until its retry is due (then true with nothing to read).
    /// False once the feed has ended.
    /// </summary>
    private async Task<bool> WaitAsync(ChannelReader<UserFeedEvent> events, CancellationToken stoppingToken)
    {
        if (_owedSince is null)
        {
            return await events.WaitToReadAsync(stoppingToken).ConfigureAwait(false);
        }

        using var either = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var wait = _retryAt - time.GetUtcNow();
        var due = Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, time, either.Token);
        var readable = events.WaitToReadAsync(either.Token).AsTask();
        var first = await Task.WhenAny(readable, due).ConfigureAwait(false);
        await either.CancelAsync().ConfigureAwait(false);
        stoppingToken.ThrowIfCancellationRequested();
        return first == due || await readable.ConfigureAwait(false);
    }

    private async Task BackFillAsync(ClobAccount account, DateTimeOffset lostAt, CancellationToken stoppingToken)
    {
        // A hole an earlier back-fill left is still open: this one has to reach back over it as well.
        var since = _owedSince is { } owed && owed < lostAt ? owed : lostAt;

        // This pass takes over everything owed (it all lies at or after since); what it cannot settle is owed again.
        _owedSince = null;

        // The trades' statuses are the venue's latest, so one pass covers every update the socket missed.
        var markets = options.Value.UserMarkets.Distinct(StringComparer.Ordinal).Select(m => (string?)m).DefaultIfEmpty(null);
        var handed = 0;
        foreach (var market in markets)
        {
            List<Fill> fills;
            try
            {
                fills = await client.FillsSinceAsync(account, submitted, since, time, market, cancellationToken: stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogBackFillFailed(since, market ?? "all", ex.Message, options.Value.UserBackFillRetryInterval, ex);
                Owe(since);
                continue;
            }

            foreach (var fill in fills)
            {
                await HandOverAsync(fill, since, stoppingToken).ConfigureAwait(false);
            }

            handed += fills.Count;
        }

        LogBackFilled(since, handed);
    }

    private void Owe(DateTimeOffset since)
    {
        if (_owedSince is not { } owed || since < owed)
        {
            _owedSince = since;
        }

        _retryAt = time.GetUtcNow() + options.Value.UserBackFillRetryInterval;
    }

    /// <summary>
    /// Hands a fill to execution, waiting out a silo loss; a hand-over that fails otherwise <see cref="Attempts"/> times
    /// leaves a back-fill from <paramref name="owedFrom"/> (the fill's own time, or the start of the back-fill that
    /// returned it) owed, so the trade is fetched again.
    /// </summary>
    private async Task HandOverAsync(Fill fill, DateTimeOffset owedFrom, CancellationToken stoppingToken)
    {
        try
        {
            var known = await _retry.RunAsync(
                "CLOB user feed hand-over",
                fill.FillId,
                _ => grains.GetGrain<IOrderGrain>(fill.ClientOrderId).OnVenueFill(fill),
                stoppingToken,
                maxAttempts: Attempts).ConfigureAwait(false);
            if (!known)
            {
                LogUnknownOrder(fill.FillId, fill.ClientOrderId);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            LogDropped(fill.FillId, fill.Status, owedFrom, options.Value.UserBackFillRetryInterval, ex);
            Owe(owedFrom);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "CLOB user feed idle: {Reason}")]
    private partial void LogIdle(string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "CLOB user feed gap from {LostAt:o} to {ReconnectedAt:o}: back-filling our orders' trades since then from GET /data/trades")]
    private partial void LogGap(DateTimeOffset lostAt, DateTimeOffset reconnectedAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "CLOB user feed back-fill since {Since:o}: {Fills} fills of our orders handed to execution")]
    private partial void LogBackFilled(DateTimeOffset since, int fills);

    [LoggerMessage(Level = LogLevel.Warning, Message = "CLOB user feed back-fill since {Since:o} (market {Market}) failed ({Reason}); it stays owed, retried every {RetryInterval} and by the next gap's back-fill")]
    private partial void LogBackFillFailed(DateTimeOffset since, string market, string reason, TimeSpan retryInterval, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "CLOB user feed retrying the owed back-fill since {Since:o}")]
    private partial void LogRetryingOwed(DateTimeOffset since);

    [LoggerMessage(Level = LogLevel.Warning, Message = "CLOB user feed fill {FillId} names {ClientOrderId}, which execution does not hold")]
    private partial void LogUnknownOrder(string fillId, string clientOrderId);

    [LoggerMessage(Level = LogLevel.Error, Message = "CLOB user feed fill {FillId} ({Status}) could not be handed to execution; a back-fill since {Since:o} is owed for it, retried every {RetryInterval} and by the next gap's back-fill")]
    private partial void LogDropped(string fillId, FillStatus status, DateTimeOffset since, TimeSpan retryInterval, Exception exception);
}
