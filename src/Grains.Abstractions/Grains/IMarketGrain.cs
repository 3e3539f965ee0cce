using Polytraders.Contracts;

namespace Polytraders.Grains;

/// <summary>One Polymarket market (key: condition id). Holds the latest price and publishes every update on its stream.</summary>
[Alias("Polytraders.IMarketGrain")]
public interface IMarketGrain : IGrainWithStringKey
{
    [Alias("Configure")]
    Task Configure(Market market);

    [Alias("Publish")]
    Task Publish([Immutable] PriceUpdate update);

    [Alias("Resolve")]
    Task Resolve(string outcome);

    [Alias("GetState")]
    Task<MarketState?> GetState();
}
