using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polytraders.Contracts;
using Polytraders.Grains.Hosting;
using Polytraders.Polymarket.Clob;

namespace Polytraders.Grains.Execution.Polymarket;

/// <summary>
/// Runs the market channel for <see cref="ClobVenueOptions.MarketAssetIds"/> and publishes each price into its market
/// grain (the condition id is the market id); a resolution resolves the grain with the winning outcome. Sequences
/// start at the pump's start time in microseconds, so a restarted pump continues above what the grains have seen.
/// Markets that are not configured in the cluster are skipped. A publication that fails for any other reason (the
/// market grain's silo died) is retried (<see cref="GrainCallRetry"/>) until it gets through, so the pump neither
/// skips that price nor stops; meanwhile the socket's events wait in the feed's channel.
/// </summary>
public sealed partial class MarketFeedPump(
    MarketWebSocketClient feed,
    IGrainFactory grains,
    IOptions<ClobVenueOptions> options,
    TimeProvider time,
    ILogger<MarketFeedPump> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var assets = options.Value.MarketAssetIds;
        if (assets.Count == 0)
        {
            LogIdle();
            return;
        }

        var retry = new GrainCallRetry(time, logger);
        var run = feed.RunAsync(assets, stoppingToken);
        try
        {
            // A market that is not configured throws InvalidOperationException: the forwarder skips that event.
            await MarketFeedForwarder.ForwardAsync(
                feed.Events,
                new PriceUpdateProjector(firstSequence: time.GetUtcNow().ToUnixTimeMilliseconds() * 1_000),
                update => retry.RunAsync("CLOB market feed publish", update.MarketId, _ => grains.GetGrain<IMarketGrain>(update.MarketId).Publish(update), stoppingToken, permanent: NotConfigured),
                resolved => retry.RunAsync("CLOB market feed resolve", resolved.Market, _ => grains.GetGrain<IMarketGrain>(resolved.Market).Resolve(resolved.WinningOutcome), stoppingToken, permanent: NotConfigured),
                (e, ex) => LogSkipped(e.Market, ex.Message),
                stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Silo shutting down.
        }

        await run.ConfigureAwait(false);
    }

    private static bool NotConfigured(Exception exception) => exception is InvalidOperationException;

    [LoggerMessage(Level = LogLevel.Information, Message = "CLOB market feed idle: Clob:MarketAssetIds is empty")]
    private partial void LogIdle();

    [LoggerMessage(Level = LogLevel.Debug, Message = "CLOB market feed event for {Market} skipped: {Reason}")]
    private partial void LogSkipped(string market, string reason);
}
