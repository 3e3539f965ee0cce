using Orleans.Streams;
using Polytraders.Contracts;
using Polytraders.Grains;

namespace Polytraders.Bench.Cluster;

/// <summary>The raw stream baseline's publisher: one per market, publishing each update as it gets it, nothing else.</summary>
[Alias("Polytraders.Bench.IBenchTickPublisherGrain")]
public interface IBenchTickPublisherGrain : IGrainWithStringKey
{
    [Alias("Publish")]
    Task Publish(PriceUpdate update);
}

public sealed class BenchTickPublisherGrain : Grain, IBenchTickPublisherGrain
{
    private IAsyncStream<PriceUpdate>? _stream;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _stream = this.GetStreamProvider(StreamNames.Provider).GetStream<PriceUpdate>(BenchStreams.Of(this.GetPrimaryKeyString()));
        return base.OnActivateAsync(cancellationToken);
    }

    public Task Publish(PriceUpdate update) => _stream!.OnNextAsync(update);
}
