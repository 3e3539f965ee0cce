using Polytraders.Contracts;

namespace Polytraders.Grains;

/// <summary>A Cluster (key: cluster id): its member markets and caps, and the Strategies bound to it.</summary>
[Alias("Polytraders.IClusterGrain")]
public interface IClusterGrain : IGrainWithStringKey
{
    [Alias("Configure")]
    Task Configure(Cluster cluster);

    [Alias("GetCluster")]
    Task<Cluster?> GetCluster();

    /// <summary>Binds a Strategy and returns the current members; later changes reach it as scope changes.</summary>
    [Alias("Bind")]
    Task<IReadOnlyList<string>> Bind(string strategyId);

    [Alias("Unbind")]
    Task Unbind(string strategyId);

    [Alias("AddMarket")]
    Task AddMarket(string marketId, string actor);

    [Alias("RemoveMarket")]
    Task RemoveMarket(string marketId, string actor);
}
