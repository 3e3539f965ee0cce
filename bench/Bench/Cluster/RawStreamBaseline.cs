namespace Polytraders.Bench.Cluster;

/// <summary>
/// Orleans' memory streams on their own, in the tick path's shape: one bench publisher per market, each bench
/// subscriber subscribed explicitly to every market's stream, subscribers that do nothing.
/// </summary>
internal static class RawStreamBaseline
{
    public static async Task<TapeDriver> SubscribeAsync(IGrainFactory grains, CallCounters counters, TickScenario scenario, TimeSpan stall)
    {
        var marketIds = scenario.Markets.Select(m => m.MarketId).ToList();
        for (var s = 0; s < TickScenario.SubscribersPerMarket; s++)
        {
            await grains.GetGrain<IBenchTickSubscriberGrain>($"bench-subscriber-{s + 1}").Subscribe(marketIds);
        }

        return new TapeDriver(
            scenario,
            (m, update) => grains.GetGrain<IBenchTickPublisherGrain>(scenario.Markets[m].MarketId).Publish(update),
            () => counters.RawDeliveries,
            stall);
    }
}
