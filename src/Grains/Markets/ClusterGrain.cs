using Microsoft.Extensions.Logging;
using Polytraders.Contracts;

namespace Polytraders.Grains.Markets;

/// <summary>
/// A Cluster's membership and the Strategies bound to it. Membership changes reach bound Strategies as one-way
/// messages, so a Strategy starting (which awaits <see cref="Bind"/>) can never deadlock against a change.
/// </summary>
public sealed partial class ClusterGrain(
    [PersistentState("cluster", StreamNames.GrainStorage)] IPersistentState<ClusterGrainState> state,
    ILogger<ClusterGrain> logger) : Grain, IClusterGrain
{
    public async Task Configure(Cluster cluster)
    {
        if (cluster.ClusterId != this.GetPrimaryKeyString())
        {
            throw new ArgumentException($"Cluster {cluster.ClusterId} configured on grain {this.GetPrimaryKeyString()}.", nameof(cluster));
        }

        state.State.Cluster = cluster;
        await state.WriteStateAsync();
    }

    public Task<Cluster?> GetCluster() => Task.FromResult(state.State.Cluster);

    public async Task<IReadOnlyList<string>> Bind(string strategyId)
    {
        var cluster = state.State.Cluster ?? throw new KeyNotFoundException($"Cluster {this.GetPrimaryKeyString()} is not configured.");
        if (state.State.BoundStrategies.Add(strategyId))
        {
            await state.WriteStateAsync();
        }

        return cluster.MarketIds;
    }

    public async Task Unbind(string strategyId)
    {
        if (state.State.BoundStrategies.Remove(strategyId))
        {
            await state.WriteStateAsync();
        }
    }

    public Task AddMarket(string marketId, string actor) => ChangeMembership(marketId, entered: true, actor);

    public Task RemoveMarket(string marketId, string actor) => ChangeMembership(marketId, entered: false, actor);

    private async Task ChangeMembership(string marketId, bool entered, string actor)
    {
        var cluster = state.State.Cluster ?? throw new KeyNotFoundException($"Cluster {this.GetPrimaryKeyString()} is not configured.");
        var members = cluster.MarketIds.Where(m => !string.Equals(m, marketId, StringComparison.OrdinalIgnoreCase)).ToList();
        if (entered)
        {
            members.Add(marketId);
        }

        if (members.Count == cluster.MarketIds.Count)
        {
            return;
        }

        state.State.Cluster = cluster with { MarketIds = members };
        await state.WriteStateAsync();
        LogMembershipChanged(cluster.ClusterId, marketId, entered, actor);
        var code = entered ? ReasonCodes.StratMarketInScope : ReasonCodes.StratMarketOutOfScope;
        foreach (var strategyId in state.State.BoundStrategies)
        {
            await GrainFactory.GetGrain<IStrategyGrain>(strategyId).OnScopeChanged(marketId, entered, code);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Cluster {ClusterId}: market {MarketId} entered={Entered} by {Actor}")]
    private partial void LogMembershipChanged(string clusterId, string marketId, bool entered, string actor);
}

[GenerateSerializer]
[Alias("Polytraders.ClusterGrainState")]
public sealed class ClusterGrainState
{
    [Id(0)]
    public Cluster? Cluster { get; set; }

    [Id(1)]
    public HashSet<string> BoundStrategies { get; set; } = [];
}
