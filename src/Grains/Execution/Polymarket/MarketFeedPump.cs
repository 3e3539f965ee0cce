using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polytraders.Polymarket.Clob;

namespace Polytraders.Grains.Execution.Polymarket;

/// <summary>
/// Runs the market channel for <see cref="ClobVenueOptions.MarketAssetIds"/> and publishes each price into its market
/// grain (the condition id is the market id); a resolution resolves the grain with the winning outcome. Sequences
/// start at the pump's start time in microseconds, so a restarted pump continues above what the grains have seen.
/// Markets that are not configured in the cluster are skipped.
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

        var run = feed.RunAsync(assets, stoppingToken);
        try
        {
            await MarketFeedForwarder.ForwardAsync(
                feed.Events,
                new PriceUpdateProjector(firstSequence: time.GetUtcNow().ToUnixTimeMilliseconds() * 1_000),
                update => grains.GetGrain<IMarketGrain>(update.MarketId).Publish(update),
                resolved => grains.GetGrain<IMarketGrain>(resolved.Market).Resolve(resolved.WinningOutcome),
                (e, ex) => LogSkipped(e.Market, ex.Message),
                stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Silo shutting down.
        }

        await run.ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "CLOB market feed idle: Clob:MarketAssetIds is empty")]
    private partial void LogIdle();

    [LoggerMessage(Level = LogLevel.Debug, Message = "CLOB market feed event for {Market} skipped: {Reason}")]
    private partial void LogSkipped(string market, string reason);
}
