using Microsoft.Extensions.Options;
using Polytraders.Grains;
using Polytraders.Grains.Hosting;
using Polytraders.Grains.Replay;
using Polytraders.Trading.Replay;

namespace Polytraders.Silo.Hosting;

/// <summary>
/// Seeds the replay's markets, clusters and portfolios once the silo is up, then replays prices. Every silo of a
/// cluster runs it: they follow one <see cref="ReplayRun"/> (<see cref="IReplayClockGrain"/>), so they publish the same
/// updates at the same times and the market grains keep one copy of each. A silo that dies takes nothing with it; one
/// that starts joins the run at the step due now. Each publication is retried until it gets through
/// (<see cref="GrainCallRetry"/>), never skipped: a step is published whole and in order, so a market's prices are
/// neither lost nor reordered by a silo failure, and a silo that fell behind during a failover catches up.
/// </summary>
public sealed partial class ReplayService(IGrainFactory grains, IOptions<ReplayOptions> options, TimeProvider time, ILogger<ReplayService> logger) : BackgroundService
{
    /// <summary>How often a replaying silo renews the run (well inside <see cref="ReplayClockGrain.Expiry"/>).</summary>
    public static readonly TimeSpan RenewInterval = TimeSpan.FromSeconds(30);

    /// <summary>A renewal that cannot get through is tried again this much later, without holding up the prices.</summary>
    private static readonly TimeSpan RenewTimeout = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var retry = new GrainCallRetry(time, logger);

        // The run is joined first: its first minute is the first recorded one, and the markets' end dates move with it.
        var clock = grains.GetGrain<IReplayClockGrain>(IReplayClockGrain.Key);
        var proposal = new ReplayRun(time.GetUtcNow(), settings.StepMilliseconds);
        var run = settings.Enabled ? await retry.RunAsync("Replay join", IReplayClockGrain.Key, _ => clock.Join(proposal), stoppingToken) : proposal;

        // A data set that cannot be read is a configuration error: it stops the start like any other.
        var data = await ReplayData.LoadAsync(settings.FullDirectory, ReplayTimeline.FirstMinuteOf(run), stoppingToken);
        if (settings.FullPrices is { } prices)
        {
            data = data with { PricesPath = File.Exists(prices) ? prices : throw new FileNotFoundException($"Replay:Prices names no file: {prices}", prices) };
        }

        var timeline = await ReplayTimeline.MeasureAsync(data.PricesPath, stoppingToken);
        await retry.RunAsync("Replay seeding", settings.Directory, _ => ReplaySeeder.SeedAsync(grains, data), stoppingToken);
        LogSeeded(data.Markets.Count, data.Clusters.Count, data.Portfolios.Count);
        if (!settings.Enabled)
        {
            return;
        }

        var replay = new PriceReplay(grains, data);
        while (await ReplayAsync(replay, timeline, run, settings.Loop, retry, stoppingToken) is { } next)
        {
            run = next;
        }
    }

    /// <summary>Publishes the run from the step due now; returns the run to follow instead when a renewal finds it replaced.</summary>
    private async Task<ReplayRun?> ReplayAsync(PriceReplay replay, ReplayTimeline timeline, ReplayRun run, bool loop, GrainCallRetry retry, CancellationToken stoppingToken)
    {
        var from = ReplayTimeline.StepAt(run, time.GetUtcNow());
        LogJoined(run.Start, run.StepMilliseconds, from);
        var renewAt = time.GetUtcNow() + RenewInterval;
        await foreach (var step in replay.StepsAsync(run, timeline, from, loop, stoppingToken))
        {
            var wait = ReplayTimeline.DueAt(run, step.Number) - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, stoppingToken);
            }

            foreach (var update in step.Updates)
            {
                await retry.RunAsync("Replay publish", update.MarketId, _ => replay.PublishAsync(update), stoppingToken);
            }

            if (step.Number % timeline.Steps == timeline.Steps - 1)
            {
                LogLoopDone(step.Number / timeline.Steps);
            }

            if (time.GetUtcNow() >= renewAt)
            {
                var (renewed, retryAt) = await RenewAsync(run, stoppingToken);
                renewAt = retryAt;
                if (renewed is not null && renewed != run)
                {
                    LogReplaced(run.Start, renewed.Start);
                    return renewed;
                }
            }
        }

        return null;
    }

    /// <summary>One renewal attempt; a failure (the clock grain's silo died) is logged and tried again soon.</summary>
    private async Task<(ReplayRun? Run, DateTimeOffset Next)> RenewAsync(ReplayRun run, CancellationToken stoppingToken)
    {
        try
        {
            var renewed = await grains.GetGrain<IReplayClockGrain>(IReplayClockGrain.Key).Join(run).WaitAsync(RenewTimeout, time, stoppingToken);
            return (renewed, time.GetUtcNow() + RenewInterval);
        }
        catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            LogRenewFailed(run.Start, GrainCallRetry.IsSiloLoss(e), e.GetType().Name, e);
            return (null, time.GetUtcNow() + RenewTimeout);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Replay seeded {Markets} markets, {Clusters} clusters, {Portfolios} portfolios")]
    private partial void LogSeeded(int markets, int clusters, int portfolios);

    [LoggerMessage(Level = LogLevel.Information, Message = "Replay joined the run started {RunStart:o} ({StepMilliseconds} ms a step) at step {Step}")]
    private partial void LogJoined(DateTimeOffset runStart, int stepMilliseconds, long step);

    [LoggerMessage(Level = LogLevel.Information, Message = "Replay pass {Pass} done")]
    private partial void LogLoopDone(long pass);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Replay run {RunStart:o} was replaced by the run started {NewRunStart:o} (it had expired); following the new one")]
    private partial void LogReplaced(DateTimeOffset runStart, DateTimeOffset newRunStart);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Replay run {RunStart:o}: renewal failed (silo loss: {SiloLoss}, {ExceptionType}); prices go on, renewal retried shortly")]
    private partial void LogRenewFailed(DateTimeOffset runStart, bool siloLoss, string exceptionType, Exception exception);
}
