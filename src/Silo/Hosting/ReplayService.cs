using Microsoft.Extensions.Options;
using Polytraders.Grains.Replay;
using Polytraders.Trading.Replay;

namespace Polytraders.Silo.Hosting;

/// <summary>Seeds the replay's markets, clusters and portfolios once the silo is up, then replays prices.</summary>
public sealed partial class ReplayService(IGrainFactory grains, IOptions<ReplayOptions> options, TimeProvider time, ILogger<ReplayService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        // The recorded minutes are replayed from the present minute on, so prices are fresh for the risk checks.
        var now = time.GetUtcNow();
        var data = await ReplayData.LoadAsync(settings.FullDirectory, new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero), stoppingToken);
        await ReplaySeeder.SeedAsync(grains, data);
        LogSeeded(data.Markets.Count, data.Clusters.Count, data.Portfolios.Count);
        if (!settings.Enabled)
        {
            return;
        }

        var replay = new PriceReplay(grains, data);
        var shift = data.Shift;
        do
        {
            shift += await replay.PublishAsync(shift, ct => Task.Delay(settings.StepMilliseconds, ct), stoppingToken);
            LogLoopDone(shift);
        }
        while (settings.Loop && !stoppingToken.IsCancellationRequested);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Replay seeded {Markets} markets, {Clusters} clusters, {Portfolios} portfolios")]
    private partial void LogSeeded(int markets, int clusters, int portfolios);

    [LoggerMessage(Level = LogLevel.Information, Message = "Replay pass done; next pass shifted by {Shift}")]
    private partial void LogLoopDone(TimeSpan shift);
}
