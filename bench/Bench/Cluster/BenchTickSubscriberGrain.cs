using Orleans.Streams;
using Polytraders.Contracts;
using Polytraders.Grains;

namespace Polytraders.Bench.Cluster;

/// <summary>
/// The raw stream baseline's subscriber: subscribes explicitly to each market's stream, as a Strategy does to the
/// markets of its scope, and does nothing with what arrives (<see cref="CountingCallFilter"/> counts it).
/// </summary>
[Alias("Polytraders.Bench.IBenchTickSubscriberGrain")]
public interface IBenchTickSubscriberGrain : IGrainWithStringKey
{
    [Alias("Subscribe")]
    Task Subscribe(IReadOnlyList<string> marketIds);
}

public sealed class BenchTickSubscriberGrain : Grain, IBenchTickSubscriberGrain, IAsyncObserver<PriceUpdate>
{
    public async Task Subscribe(IReadOnlyList<string> marketIds)
    {
        var provider = this.GetStreamProvider(StreamNames.Provider);
        foreach (var marketId in marketIds)
        {
            await provider.GetStream<PriceUpdate>(BenchStreams.Of(marketId)).SubscribeAsync(this);
        }
    }

    public Task OnNextAsync(PriceUpdate item, StreamSequenceToken? token = null) => Task.CompletedTask;

    public Task OnCompletedAsync() => Task.CompletedTask;

    public Task OnErrorAsync(Exception ex) => Task.CompletedTask;
}
