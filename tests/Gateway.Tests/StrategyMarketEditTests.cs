using System.Net;
using System.Text.Json.Nodes;
using Polytraders.Contracts;
using Polytraders.Grains;

namespace Polytraders.Gateway.Tests;

/// <summary>An operator edits a running Strategy's manual list: PUT and DELETE /api/v1/strategies/{id}/markets/{marketId}.</summary>
[Collection(WithEmbeddedSilo.Name)]
public sealed class StrategyMarketEditTests(GatewayWithEmbeddedSilo host)
{
    [Fact]
    public async Task operator_adds_and_removes_a_market_of_a_running_manual_list_each_edit_audited()
    {
        var (portfolioId, strategyId) = await LaunchAsync("momentum-edit-1", Http.Launch("momentum-edit-1", "PORT-000", marketCount: 1));
        var alice = host.AsOperator();
        var path = $"/api/v1/strategies/{strategyId}/markets/{Http.MarketId(1)}";

        var added = (await Http.ReadJsonAsync(await alice.PutAsync(path, null), HttpStatusCode.OK)).AsObject();

        Assert.Equal([Http.MarketId(0), Http.MarketId(1)], MarketIds(added["launch"]!["market_scope"]!["market_ids"]!));
        Assert.Contains(Http.MarketId(1), MarketIds(added["markets_in_scope"]!));
        var entered = Assert.Single(await AuditAsync(portfolioId, ReasonCodes.StratMarketInScope), e => e!["payload"]!["cause"]?.GetValue<string>() == "manual_selection")!;
        Assert.Equal((Http.MarketId(1), $"operator:{GatewayHost.OperatorId}"), (entered["payload"]!["market_id"]!.GetValue<string>(), entered["actor"]!.GetValue<string>()));

        // Already there: unchanged, nothing audited.
        await Http.ReadJsonAsync(await alice.PutAsync(path, null), HttpStatusCode.OK);
        Assert.Equal(2, (await AuditAsync(portfolioId, ReasonCodes.StratMarketInScope)).Count);

        var removed = (await Http.ReadJsonAsync(await alice.DeleteAsync(path), HttpStatusCode.OK)).AsObject();

        Assert.Equal([Http.MarketId(0)], MarketIds(removed["launch"]!["market_scope"]!["market_ids"]!));
        Assert.Equal([Http.MarketId(0)], MarketIds(removed["markets_in_scope"]!));
        var left = Assert.Single(await AuditAsync(portfolioId, ReasonCodes.StratMarketOutOfScope))!;
        Assert.Equal(
            (Http.MarketId(1), "manual_deselection", $"operator:{GatewayHost.OperatorId}"),
            (left["payload"]!["market_id"]!.GetValue<string>(), left["payload"]!["cause"]!.GetValue<string>(), left["actor"]!.GetValue<string>()));

        // Not there: unchanged.
        await Http.ReadJsonAsync(await alice.DeleteAsync(path), HttpStatusCode.OK);
        Assert.Single(await AuditAsync(portfolioId, ReasonCodes.StratMarketOutOfScope));
        var verification = (await Http.ReadJsonAsync(await host.AsReviewer().GetAsync($"/api/v1/audit/verify?portfolioId={portfolioId}"), HttpStatusCode.OK)).AsObject();
        Assert.True(verification["valid"]!.GetValue<bool>());
    }

    [Fact]
    public async Task reviewer_cannot_edit_a_strategys_markets()
    {
        var (_, strategyId) = await LaunchAsync("momentum-edit-2", Http.Launch("momentum-edit-2", "PORT-000", marketCount: 1));
        var path = $"/api/v1/strategies/{strategyId}/markets/{Http.MarketId(1)}";

        foreach (var response in new[] { await host.AsReviewer().PutAsync(path, null), await host.AsReviewer().DeleteAsync(path) })
        {
            Assert.Equal(ReasonCodes.SecForbiddenRole, Http.ReasonCode(await Http.ReadProblemAsync(response, HttpStatusCode.Forbidden)));
        }

        var state = (await Http.ReadJsonAsync(await host.AsReviewer().GetAsync($"/api/v1/strategies/{strategyId}"), HttpStatusCode.OK)).AsObject();
        Assert.Equal([Http.MarketId(0)], MarketIds(state["markets_in_scope"]!));
    }

    [Fact]
    public async Task unknown_strategies_and_markets_are_404()
    {
        var (_, strategyId) = await LaunchAsync("momentum-edit-3", Http.Launch("momentum-edit-3", "PORT-000", marketCount: 1));
        var alice = host.AsOperator();

        foreach (var path in new[] { $"/api/v1/strategies/never-launched-7/markets/{Http.MarketId(1)}", $"/api/v1/strategies/NOT_AN_ID/markets/{Http.MarketId(1)}" })
        {
            Assert.Equal(ReasonCodes.StratUnknownStrategy, Http.ReasonCode(await Http.ReadProblemAsync(await alice.PutAsync(path, null), HttpStatusCode.NotFound)));
            Assert.Equal(ReasonCodes.StratUnknownStrategy, Http.ReasonCode(await Http.ReadProblemAsync(await alice.DeleteAsync(path), HttpStatusCode.NotFound)));
        }

        foreach (var marketId in new[] { $"0x{0xbeef:x64}", "not-a-market" })
        {
            var path = $"/api/v1/strategies/{strategyId}/markets/{marketId}";
            Assert.Equal(ReasonCodes.StratUnknownMarket, Http.ReasonCode(await Http.ReadProblemAsync(await alice.PutAsync(path, null), HttpStatusCode.NotFound)));
            Assert.Equal(ReasonCodes.StratUnknownMarket, Http.ReasonCode(await Http.ReadProblemAsync(await alice.DeleteAsync(path), HttpStatusCode.NotFound)));
        }
    }

    [Fact]
    public async Task a_full_list_an_emptied_list_and_a_cluster_scope_are_refused_with_409()
    {
        var template = (await host.Grains.GetGrain<IMarketGrain>(Http.MarketId(0)).GetState())!.Market;
        var synthetic = Enumerable.Range(0, 51).Select(i => $"0x{0xe0000 + i:x64}").ToList();
        foreach (var marketId in synthetic)
        {
            await host.Grains.GetGrain<IMarketGrain>(marketId).Configure(template with { MarketId = marketId, ClusterIds = [] });
        }

        var fifty = Http.Launch("momentum-edit-4", "PORT-000");
        fifty["market_scope"]!["market_ids"] = new JsonArray([.. synthetic.Take(50).Select(id => (JsonNode?)id)]);
        var (_, full) = await LaunchAsync("momentum-edit-4", fifty);
        var tooMany = await host.AsOperator().PutAsync($"/api/v1/strategies/{full}/markets/{synthetic[50]}", null);
        Assert.Equal(ReasonCodes.StratScopeTooManyMarkets, Http.ReasonCode(await Http.ReadProblemAsync(tooMany, HttpStatusCode.Conflict)));

        var (_, single) = await LaunchAsync("momentum-edit-5", Http.Launch("momentum-edit-5", "PORT-000", marketCount: 1));
        var last = await host.AsOperator().DeleteAsync($"/api/v1/strategies/{single}/markets/{Http.MarketId(0)}");
        Assert.Equal(ReasonCodes.StratScopeEmpty, Http.ReasonCode(await Http.ReadProblemAsync(last, HttpStatusCode.Conflict)));

        var clusterLaunch = Http.Launch("momentum-edit-6", "PORT-000");
        clusterLaunch["market_scope"] = new JsonObject { ["mode"] = "cluster", ["cluster_id"] = "crypto" };
        var (_, bound) = await LaunchAsync("momentum-edit-6", clusterLaunch);
        foreach (var response in new[]
                 {
                     await host.AsOperator().PutAsync($"/api/v1/strategies/{bound}/markets/{synthetic[0]}", null),
                     await host.AsOperator().DeleteAsync($"/api/v1/strategies/{bound}/markets/{Http.MarketId(0)}"),
                 })
        {
            Assert.Equal(ReasonCodes.StratScopeNotManual, Http.ReasonCode(await Http.ReadProblemAsync(response, HttpStatusCode.Conflict)));
        }

        var stopped = await host.AsOperator().PostAsync($"/api/v1/strategies/{single}/stop", null);
        await Http.ReadJsonAsync(stopped, HttpStatusCode.OK);
        var notRunning = await host.AsOperator().PutAsync($"/api/v1/strategies/{single}/markets/{Http.MarketId(1)}", null);
        Assert.Equal(ReasonCodes.StratNotRunning, Http.ReasonCode(await Http.ReadProblemAsync(notRunning, HttpStatusCode.Conflict)));
    }

    [Fact]
    public async Task the_edit_routes_are_in_the_openapi_document_for_operators()
    {
        var document = (await Http.ReadJsonAsync(await host.AsReviewer().GetAsync("/openapi/v1.json"), HttpStatusCode.OK)).AsObject();

        var route = document["paths"]!["/api/v1/strategies/{strategyId}/markets/{marketId}"]!.AsObject();
        foreach (var verb in new[] { "put", "delete" })
        {
            Assert.NotEmpty(route[verb]!["security"]!.AsArray());
            Assert.True(route[verb]!["responses"]!.AsObject().ContainsKey("409"));
        }
    }

    /// <summary>Launches <paramref name="launch"/> on a fresh Portfolio through the gateway.</summary>
    private async Task<(string PortfolioId, string StrategyId)> LaunchAsync(string strategyId, JsonObject launch)
    {
        var portfolioId = await host.NewPortfolioAsync();
        launch["portfolio_id"] = portfolioId;
        var response = await host.AsOperator().PostAsync($"/api/v1/portfolios/{portfolioId}/strategies", Http.Json(launch));
        await Http.ReadJsonAsync(response, HttpStatusCode.Created);
        return (portfolioId, strategyId);
    }

    private async Task<JsonArray> AuditAsync(string portfolioId, string reasonCode) =>
        (await Http.ReadJsonAsync(await host.AsReviewer().GetAsync($"/api/v1/audit?portfolioId={portfolioId}&reasonCode={reasonCode}"), HttpStatusCode.OK))["items"]!.AsArray();

    private static List<string> MarketIds(JsonNode array) => [.. array.AsArray().Select(m => m!.GetValue<string>())];
}
