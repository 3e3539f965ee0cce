using System.Net;
using System.Text.Json.Nodes;
using Polytraders.Contracts;
using Polytraders.Grains;

namespace Polytraders.Gateway.Tests;

/// <summary>Watchlists through the gateway on the embedded silo: each operator's own, no risk meaning.</summary>
[Collection(WithEmbeddedSilo.Name)]
public sealed class WatchlistEndpointTests(GatewayWithEmbeddedSilo host)
{
    private const string Unconfigured = "0x00000000000000000000000000000000000000000000000000000000000000ff";

    private static JsonObject Create(string name, params string[] marketIds) => new()
    {
        ["name"] = name,
        ["market_ids"] = new JsonArray(marketIds.Select(m => (JsonNode?)m).ToArray()),
    };

    private static async Task<JsonObject> CreatedAsync(HttpClient client, string name, params string[] marketIds)
    {
        var response = await client.PostAsync("/api/v1/watchlists", Http.Json(Create(name, marketIds)));
        var created = (await Http.ReadJsonAsync(response, HttpStatusCode.Created)).AsObject();
        Assert.Equal($"/api/v1/watchlists/{created["watchlist_id"]}", response.Headers.Location?.OriginalString);
        return created;
    }

    private static IEnumerable<string> Markets(JsonNode list) => list["market_ids"]!.AsArray().Select(m => m!.GetValue<string>());

    [Fact]
    public async Task an_operator_creates_reads_renames_edits_lists_and_deletes_a_watchlist()
    {
        var alice = host.AsOperator();
        var created = await CreatedAsync(alice, "Crypto year-end", Http.MarketId(0));
        var id = created["watchlist_id"]!.GetValue<string>();
        Assert.Equal(GatewayHost.OperatorId, created["owner_operator"]!.GetValue<string>());

        var added = await Http.ReadJsonAsync(await alice.PutAsync($"/api/v1/watchlists/{id}/markets/{Http.MarketId(1)}", null), HttpStatusCode.OK);
        Assert.Equal([Http.MarketId(0), Http.MarketId(1)], Markets(added));

        var renamed = await Http.ReadJsonAsync(
            await alice.PatchAsync($"/api/v1/watchlists/{id}", Http.Json(new JsonObject { ["name"] = "Crypto (Q1)" })), HttpStatusCode.OK);
        Assert.Equal("Crypto (Q1)", renamed["name"]!.GetValue<string>());

        var view = await Http.ReadJsonAsync(await alice.GetAsync($"/api/v1/watchlists/{id}"), HttpStatusCode.OK);
        Assert.Equal("Crypto (Q1)", view["watchlist"]!["name"]!.GetValue<string>());
        var markets = view["markets"]!.AsArray();
        Assert.Equal([Http.MarketId(0), Http.MarketId(1)], markets.Select(m => m!["market"]!["market_id"]!.GetValue<string>()));
        Assert.All(markets, m => Assert.NotNull(m!["market"]!["status"]));

        var removed = await Http.ReadJsonAsync(await alice.DeleteAsync($"/api/v1/watchlists/{id}/markets/{Http.MarketId(0)}"), HttpStatusCode.OK);
        Assert.Equal([Http.MarketId(1)], Markets(removed));

        var listed = (await Http.ReadJsonAsync(await alice.GetAsync("/api/v1/watchlists"), HttpStatusCode.OK)).AsArray();
        Assert.Contains(listed, l => l!["watchlist_id"]!.GetValue<string>() == id);

        Assert.Equal(HttpStatusCode.NoContent, (await alice.DeleteAsync($"/api/v1/watchlists/{id}")).StatusCode);
        var gone = await Http.ReadProblemAsync(await alice.GetAsync($"/api/v1/watchlists/{id}"), HttpStatusCode.NotFound);
        Assert.Equal(ReasonCodes.DiscUnknownWatchlist, Http.ReasonCode(gone));
    }

    [Fact]
    public async Task another_operator_s_watchlist_answers_exactly_as_a_missing_one()
    {
        var created = await CreatedAsync(host.AsOperator(), "Alice's own", Http.MarketId(0));
        var id = created["watchlist_id"]!.GetValue<string>();
        var dave = host.As(GatewayHost.DaveKey);

        var theirs = await dave.GetAsync($"/api/v1/watchlists/{id}");
        var missing = await dave.GetAsync("/api/v1/watchlists/WL-9999");

        var theirsProblem = await Http.ReadProblemAsync(theirs, HttpStatusCode.NotFound);
        var missingProblem = await Http.ReadProblemAsync(missing, HttpStatusCode.NotFound);
        Assert.Equal(Http.ReasonCode(missingProblem), Http.ReasonCode(theirsProblem));
        Assert.Equal(
            missingProblem["detail"]!.GetValue<string>().Replace("WL-9999", id, StringComparison.Ordinal),
            theirsProblem["detail"]!.GetValue<string>());
        foreach (var edit in new[]
                 {
                     await dave.PatchAsync($"/api/v1/watchlists/{id}", Http.Json(new JsonObject { ["name"] = "taken" })),
                     await dave.PutAsync($"/api/v1/watchlists/{id}/markets/{Http.MarketId(1)}", null),
                     await dave.DeleteAsync($"/api/v1/watchlists/{id}/markets/{Http.MarketId(0)}"),
                     await dave.DeleteAsync($"/api/v1/watchlists/{id}"),
                 })
        {
            Assert.Equal(ReasonCodes.DiscUnknownWatchlist, Http.ReasonCode(await Http.ReadProblemAsync(edit, HttpStatusCode.NotFound)));
        }

        Assert.Empty((await Http.ReadJsonAsync(await dave.GetAsync("/api/v1/watchlists"), HttpStatusCode.OK)).AsArray());
        var still = await Http.ReadJsonAsync(await host.AsOperator().GetAsync($"/api/v1/watchlists/{id}"), HttpStatusCode.OK);
        Assert.Equal("Alice's own", still["watchlist"]!["name"]!.GetValue<string>());
        Assert.Equal([Http.MarketId(0)], Markets(still["watchlist"]!));
    }

    [Fact]
    public async Task reviewers_have_no_watchlists()
    {
        var reviewer = host.AsReviewer();

        foreach (var response in new[]
                 {
                     await reviewer.GetAsync("/api/v1/watchlists"),
                     await reviewer.PostAsync("/api/v1/watchlists", Http.Json(Create("mine"))),
                     await reviewer.GetAsync("/api/v1/watchlists/WL-0001"),
                 })
        {
            Assert.Equal(ReasonCodes.SecForbiddenRole, Http.ReasonCode(await Http.ReadProblemAsync(response, HttpStatusCode.Forbidden)));
        }
    }

    [Fact]
    public async Task bad_bodies_unknown_markets_and_a_full_quota_are_refused_with_their_codes()
    {
        var alice = host.AsOperator();
        var blank = await Http.ReadProblemAsync(await alice.PostAsync("/api/v1/watchlists", Http.Json(new JsonObject { ["name"] = "  " })), HttpStatusCode.BadRequest);
        Assert.Equal(ReasonCodes.GovInvalidRequest, Http.ReasonCode(blank));
        Assert.Contains(("PatternMismatch", "#/name"), Http.Violations(blank));

        var unknown = await Http.ReadProblemAsync(await alice.PostAsync("/api/v1/watchlists", Http.Json(Create("ghost", Unconfigured))), HttpStatusCode.NotFound);
        Assert.Equal(ReasonCodes.StratUnknownMarket, Http.ReasonCode(unknown));

        var id = (await CreatedAsync(alice, "real"))["watchlist_id"]!.GetValue<string>();
        var unknownAdded = await Http.ReadProblemAsync(await alice.PutAsync($"/api/v1/watchlists/{id}/markets/{Unconfigured}", null), HttpStatusCode.NotFound);
        Assert.Equal(ReasonCodes.StratUnknownMarket, Http.ReasonCode(unknownAdded));
        var slug = await Http.ReadProblemAsync(await alice.PutAsync($"/api/v1/watchlists/{id}/markets/btc-120k", null), HttpStatusCode.NotFound);
        Assert.Equal(ReasonCodes.StratUnknownMarket, Http.ReasonCode(slug));

        // Carol fills her quota through her grain; the next create over HTTP is refused and nothing is lost.
        var carol = host.Grains.GetGrain<IWatchlistGrain>("carol");
        while ((await carol.Create(new WatchlistCreate { Name = "fill" })).Result.Succeeded)
        {
        }

        var kept = (await carol.List()).Count;
        var full = await Http.ReadProblemAsync(await host.As(GatewayHost.CarolKey).PostAsync("/api/v1/watchlists", Http.Json(Create("one more"))), HttpStatusCode.Conflict);
        Assert.Equal(ReasonCodes.DiscWatchlistLimit, Http.ReasonCode(full));
        Assert.Equal(kept, (await carol.List()).Count);
    }

    [Fact]
    public async Task editing_watchlists_changes_no_market_scope_no_risk_decision_and_no_portfolio_chain()
    {
        var portfolioId = await host.NewPortfolioAsync();
        var alice = host.AsOperator();
        await Http.ReadJsonAsync(await alice.PostAsync($"/api/v1/portfolios/{portfolioId}/strategies", Http.Json(Http.Launch("momentum-watchlist-1", portfolioId, marketCount: 1))), HttpStatusCode.Created);
        var strategyBefore = await host.Grains.GetGrain<IStrategyGrain>("momentum-watchlist-1").GetState();
        var chainBefore = await ChainAsync(portfolioId);

        var id = (await CreatedAsync(alice, "Around the Strategy", Http.MarketId(0), Http.MarketId(1)))["watchlist_id"]!.GetValue<string>();
        await alice.DeleteAsync($"/api/v1/watchlists/{id}/markets/{Http.MarketId(0)}");
        await alice.PutAsync($"/api/v1/watchlists/{id}/markets/{Http.MarketId(0)}", null);
        await alice.PatchAsync($"/api/v1/watchlists/{id}", Http.Json(new JsonObject { ["name"] = "renamed" }));
        await alice.DeleteAsync($"/api/v1/watchlists/{id}");

        var strategyAfter = await host.Grains.GetGrain<IStrategyGrain>("momentum-watchlist-1").GetState();
        Assert.Equal(strategyBefore!.MarketsInScope, strategyAfter!.MarketsInScope);
        Assert.Equal(strategyBefore.Launches.Count, strategyAfter.Launches.Count);
        var chainAfter = await ChainAsync(portfolioId);
        Assert.Equal(chainBefore, chainAfter.Take(chainBefore.Count));
        Assert.DoesNotContain(chainAfter.Skip(chainBefore.Count), e => e.Actor.StartsWith("operator:", StringComparison.Ordinal));
        foreach (var code in new[] { ReasonCodes.DiscUnknownWatchlist, ReasonCodes.DiscWatchlistLimit, ReasonCodes.DiscWatchlistFull })
        {
            var audit = await Http.ReadJsonAsync(await host.AsReviewer().GetAsync($"/api/v1/audit?reasonCode={code}"), HttpStatusCode.OK);
            Assert.Empty(audit["items"]!.AsArray());
        }
    }

    private async Task<List<(Guid Id, string Actor, string ReasonCode)>> ChainAsync(string portfolioId)
    {
        var audit = await Http.ReadJsonAsync(await host.AsReviewer().GetAsync($"/api/v1/audit?portfolioId={portfolioId}&limit=1000"), HttpStatusCode.OK);
        return audit["items"]!.AsArray()
            .Select(e => (Guid.Parse(e!["envelope_id"]!.GetValue<string>()), e["actor"]!.GetValue<string>(), e["reason_code"]!.GetValue<string>()))
            .ToList();
    }
}
