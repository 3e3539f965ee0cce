using System.Text.Json.Nodes;
using Polytraders.Trading.Watchlists;

namespace Polytraders.Contracts.Tests;

public sealed class WatchlistLimitsTests
{
    [Theory]
    [InlineData("Watchlist.json", "market_ids")]
    [InlineData("WatchlistCreate.json", "market_ids")]
    public void the_most_markets_a_watchlist_holds_is_the_contract_s_max_items(string schema, string property)
    {
        var node = JsonNode.Parse(File.ReadAllText(Path.Combine(Repo.Schemas, schema)))!;

        Assert.Equal(WatchlistLimits.MaxMarkets, node["properties"]![property]!["maxItems"]!.GetValue<int>());
    }
}
