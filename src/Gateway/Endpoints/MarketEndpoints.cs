using Microsoft.Extensions.Options;
using Polytraders.Contracts;
using Polytraders.Gateway.Options;
using Polytraders.Gateway.Problems;
using Polytraders.Grains;
using Polytraders.Trading.Listing;

namespace Polytraders.Gateway.Endpoints;

/// <summary>Markets and Clusters, read from their grains.</summary>
internal static class MarketEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/markets", ListMarkets)
            .WithName("ListMarkets")
            .WithSummary("Markets that are members of the configured Clusters (Gateway:ClusterIds), with their latest price.")
            .Produces<List<MarketState>>(StatusCodes.Status200OK, "application/json");

        api.MapGet("/markets/{marketId}", GetMarket)
            .WithName("GetMarket")
            .WithSummary("One market by condition id.")
            .Produces<MarketState>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/clusters", ListClusters)
            .WithName("ListClusters")
            .WithSummary("The configured Clusters (Gateway:ClusterIds; shared by every Tenant) by id, a page at a time: ?name= (part of the name, any case), ?limit= (1..100, default 50), ?after= (next_after of the previous page).")
            .Produces<ClusterList>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        api.MapGet("/clusters/{clusterId}", GetCluster)
            .WithName("GetCluster")
            .WithSummary("One Cluster: its member markets and caps.")
            .Produces<Cluster>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> ListMarkets(IGrainFactory grains, IOptions<GatewayOptions> options)
    {
        var clusters = await Task.WhenAll(options.Value.EffectiveClusterIds.Select(id => grains.GetGrain<IClusterGrain>(id).GetCluster()));
        var marketIds = clusters
            .Where(c => c is not null)
            .SelectMany(c => c!.MarketIds)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        var states = await Task.WhenAll(marketIds.Select(id => grains.GetGrain<IMarketGrain>(id).GetState()));
        return GatewayResults.Ok(states.OfType<MarketState>().ToList());
    }

    private static async Task<IResult> GetMarket(string marketId, IGrainFactory grains)
    {
        var state = Identifiers.IsMarketId(marketId) ? await grains.GetGrain<IMarketGrain>(marketId).GetState() : null;
        return state is null
            ? GatewayProblem.Result(ReasonCodes.StratUnknownMarket, $"No market '{marketId}'.")
            : GatewayResults.Ok(state);
    }

    private static async Task<IResult> ListClusters(HttpContext context, IGrainFactory grains, IOptions<GatewayOptions> options)
    {
        var query = new ListQuery(context);
        var name = query.Text("name");
        var after = query.Id("after", Identifiers.IsClusterId);
        var limit = query.Limit();
        if (query.Problem is { } problem)
        {
            return problem;
        }

        // The configured Clusters are the index: a bounded list of settings, each read from its grain.
        var clusters = await Task.WhenAll(options.Value.EffectiveClusterIds.Select(id => grains.GetGrain<IClusterGrain>(id).GetCluster()));
        var (items, next) = KeyedPage.Take(
            clusters.OfType<Cluster>().Where(c => name is null || c.Name.Contains(name, StringComparison.OrdinalIgnoreCase)),
            c => c.ClusterId,
            after,
            limit);
        return GatewayResults.Ok(new ClusterList { Items = items, NextAfter = next });
    }

    private static async Task<IResult> GetCluster(string clusterId, IGrainFactory grains)
    {
        var cluster = Identifiers.IsClusterId(clusterId) ? await grains.GetGrain<IClusterGrain>(clusterId).GetCluster() : null;
        return cluster is null
            ? GatewayProblem.Result(ReasonCodes.StratUnknownCluster, $"No Cluster '{clusterId}'.")
            : GatewayResults.Ok(cluster);
    }
}
