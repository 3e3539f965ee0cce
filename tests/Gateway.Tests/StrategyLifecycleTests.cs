using System.Net;
using System.Text.Json.Nodes;
using Polytraders.Contracts;

namespace Polytraders.Gateway.Tests;

/// <summary>Commands through real grains on the embedded silo.</summary>
[Collection(WithEmbeddedSilo.Name)]
public sealed class StrategyLifecycleTests(GatewayWithEmbeddedSilo host)
{
    [Fact]
    public async Task operator_launches_a_strategy_on_PORT_001_and_a_second_launch_is_refused()
    {
        var operatorClient = host.AsOperator();

        var first = await operatorClient.PostAsync("/api/v1/portfolios/PORT-001/strategies", Http.Json(Http.Launch("momentum-crypto-1", "PORT-001")));

        var accepted = (await Http.ReadJsonAsync(first, HttpStatusCode.Created)).AsObject();
        Assert.StartsWith("LCH-", accepted["launch_id"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("/api/v1/strategies/momentum-crypto-1", first.Headers.Location?.OriginalString);

        var second = await operatorClient.PostAsync("/api/v1/portfolios/PORT-001/strategies", Http.Json(Http.Launch("momentum-crypto-2", "PORT-001")));

        var problem = await Http.ReadProblemAsync(second, HttpStatusCode.Conflict);
        Assert.Equal(ReasonCodes.StratPortfolioAlreadyBound, Http.ReasonCode(problem));

        var portfolio = (await Http.ReadJsonAsync(await operatorClient.GetAsync("/api/v1/portfolios/PORT-001"), HttpStatusCode.OK)).AsObject();
        Assert.Equal("momentum-crypto-1", portfolio["bound_strategy_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task reviewer_cannot_launch_a_strategy()
    {
        var portfolioId = await host.NewPortfolioAsync();

        var response = await host.AsReviewer().PostAsync(
            $"/api/v1/portfolios/{portfolioId}/strategies",
            Http.Json(Http.Launch("momentum-reviewer-1", portfolioId)));

        var problem = await Http.ReadProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Equal(ReasonCodes.SecForbiddenRole, Http.ReasonCode(problem));

        var audit = await Http.ReadJsonAsync(
            await host.AsReviewer().GetAsync($"/api/v1/audit?portfolioId={portfolioId}&reasonCode={ReasonCodes.SecForbiddenRole}"),
            HttpStatusCode.OK);
        var envelope = Assert.Single(audit["items"]!.AsArray())!;
        Assert.Equal($"reviewer:{GatewayHost.ReviewerId}", envelope["actor"]!.GetValue<string>());
        Assert.Equal("governance", envelope["payload"]!["kind"]!.GetValue<string>());
        Assert.Contains($"POST /api/v1/portfolios/{portfolioId}/strategies", envelope["payload"]!["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        var portfolio = (await Http.ReadJsonAsync(await host.AsReviewer().GetAsync($"/api/v1/portfolios/{portfolioId}"), HttpStatusCode.OK)).AsObject();
        Assert.Null(portfolio["bound_strategy_id"]);

        var verification = (await Http.ReadJsonAsync(await host.AsReviewer().GetAsync($"/api/v1/audit/verify?portfolioId={portfolioId}"), HttpStatusCode.OK)).AsObject();
        Assert.True(verification["valid"]!.GetValue<bool>());
        Assert.True(verification["checked"]!.GetValue<long>() >= 1);
    }

    [Fact]
    public async Task an_unknown_portfolio_is_404()
    {
        var read = await host.AsReviewer().GetAsync("/api/v1/portfolios/PORT-999");
        Assert.Equal(ReasonCodes.StratUnknownPortfolio, Http.ReasonCode(await Http.ReadProblemAsync(read, HttpStatusCode.NotFound)));

        var launch = await host.AsOperator().PostAsync("/api/v1/portfolios/PORT-999/strategies", Http.Json(Http.Launch("momentum-nowhere-1", "PORT-999")));
        Assert.Equal(ReasonCodes.StratUnknownPortfolio, Http.ReasonCode(await Http.ReadProblemAsync(launch, HttpStatusCode.NotFound)));

        var verify = await host.AsReviewer().GetAsync("/api/v1/audit/verify?portfolioId=PORT-999");
        Assert.Equal(ReasonCodes.StratUnknownPortfolio, Http.ReasonCode(await Http.ReadProblemAsync(verify, HttpStatusCode.NotFound)));
    }

    [Fact]
    public async Task an_unknown_strategy_is_404()
    {
        var read = await host.AsReviewer().GetAsync("/api/v1/strategies/never-launched-1");
        Assert.Equal(ReasonCodes.StratUnknownStrategy, Http.ReasonCode(await Http.ReadProblemAsync(read, HttpStatusCode.NotFound)));

        var stop = await host.AsOperator().PostAsync("/api/v1/strategies/never-launched-1/stop", null);
        Assert.Equal(ReasonCodes.StratUnknownStrategy, Http.ReasonCode(await Http.ReadProblemAsync(stop, HttpStatusCode.NotFound)));
    }

    [Fact]
    public async Task operator_stops_a_strategy_and_a_second_stop_is_409()
    {
        var portfolioId = await host.NewPortfolioAsync();
        var client = host.AsOperator();
        await Http.ReadJsonAsync(
            await client.PostAsync($"/api/v1/portfolios/{portfolioId}/strategies", Http.Json(Http.Launch("momentum-stop-1", portfolioId))),
            HttpStatusCode.Created);

        var stopped = (await Http.ReadJsonAsync(await client.PostAsync("/api/v1/strategies/momentum-stop-1/stop", null), HttpStatusCode.OK)).AsObject();
        Assert.NotEqual("running", stopped["status"]!.GetValue<string>());

        var again = await client.PostAsync("/api/v1/strategies/momentum-stop-1/stop", null);
        Assert.Equal(ReasonCodes.StratNotRunning, Http.ReasonCode(await Http.ReadProblemAsync(again, HttpStatusCode.Conflict)));
    }

    [Fact]
    public async Task operator_relaunches_a_strategy_on_another_portfolio()
    {
        var from = await host.NewPortfolioAsync();
        var to = await host.NewPortfolioAsync();
        var client = host.AsOperator();
        var launched = (await Http.ReadJsonAsync(
            await client.PostAsync($"/api/v1/portfolios/{from}/strategies", Http.Json(Http.Launch("momentum-move-1", from))),
            HttpStatusCode.Created)).AsObject();

        var response = await client.PostAsync("/api/v1/strategies/momentum-move-1/relaunch", Http.Json(new JsonObject { ["portfolio_id"] = to }));

        var relaunched = (await Http.ReadJsonAsync(response, HttpStatusCode.Created)).AsObject();
        Assert.NotEqual(launched["launch_id"]!.GetValue<string>(), relaunched["launch_id"]!.GetValue<string>());
        Assert.Equal(to, relaunched["portfolio_id"]!.GetValue<string>());

        var strategy = (await Http.ReadJsonAsync(await client.GetAsync("/api/v1/strategies/momentum-move-1"), HttpStatusCode.OK)).AsObject();
        Assert.Equal(to, strategy["portfolio_id"]!.GetValue<string>());
        var oldPortfolio = (await Http.ReadJsonAsync(await client.GetAsync($"/api/v1/portfolios/{from}"), HttpStatusCode.OK)).AsObject();
        Assert.Null(oldPortfolio["bound_strategy_id"]);
    }

    [Fact]
    public async Task a_relaunch_onto_a_bound_portfolio_leaves_the_running_launch_alone()
    {
        var from = await host.NewPortfolioAsync();
        var busy = await host.NewPortfolioAsync();
        var client = host.AsOperator();
        await Http.ReadJsonAsync(await client.PostAsync($"/api/v1/portfolios/{from}/strategies", Http.Json(Http.Launch("momentum-stay-1", from))), HttpStatusCode.Created);
        await Http.ReadJsonAsync(await client.PostAsync($"/api/v1/portfolios/{busy}/strategies", Http.Json(Http.Launch("momentum-busy-1", busy))), HttpStatusCode.Created);

        var response = await client.PostAsync("/api/v1/strategies/momentum-stay-1/relaunch", Http.Json(new JsonObject { ["portfolio_id"] = busy }));

        Assert.Equal(ReasonCodes.StratPortfolioAlreadyBound, Http.ReasonCode(await Http.ReadProblemAsync(response, HttpStatusCode.Conflict)));
        var portfolio = (await Http.ReadJsonAsync(await client.GetAsync($"/api/v1/portfolios/{from}"), HttpStatusCode.OK)).AsObject();
        Assert.Equal("momentum-stay-1", portfolio["bound_strategy_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task operator_halts_a_portfolio_and_it_is_audited()
    {
        var portfolioId = await host.NewPortfolioAsync();

        var response = await host.AsOperator().PostAsync(
            $"/api/v1/portfolios/{portfolioId}/trading-state",
            Http.Json(new JsonObject { ["state"] = "HALTED", ["reason"] = "end-of-day drill" }));

        var view = (await Http.ReadJsonAsync(response, HttpStatusCode.OK)).AsObject();
        Assert.Equal("HALTED", view["trading_state"]!.GetValue<string>());
        var portfolio = (await Http.ReadJsonAsync(await host.AsReviewer().GetAsync($"/api/v1/portfolios/{portfolioId}"), HttpStatusCode.OK)).AsObject();
        Assert.Equal("HALTED", portfolio["trading_state"]!.GetValue<string>());
    }

    [Fact]
    public async Task operator_switches_the_kill_switch_and_both_switches_are_audited()
    {
        var portfolioId = await host.NewPortfolioAsync();

        var response = await host.AsOperator().PostAsync(
            $"/api/v1/portfolios/{portfolioId}/trading-state",
            Http.Json(new JsonObject { ["state"] = "REDUCING", ["kill_switch"] = true, ["reason"] = "venue incident" }));

        await Http.ReadJsonAsync(response, HttpStatusCode.OK);
        var audit = (await Http.ReadJsonAsync(await host.AsReviewer().GetAsync($"/api/v1/audit?portfolioId={portfolioId}"), HttpStatusCode.OK)).AsObject();
        var codes = audit["items"]!.AsArray().Select(e => e!["reason_code"]!.GetValue<string>()).ToList();
        Assert.Equal([ReasonCodes.GovTradingStateChanged, ReasonCodes.GovKillSwitchOn], codes);
        Assert.All(audit["items"]!.AsArray(), e => Assert.Equal("operator:alice", e!["actor"]!.GetValue<string>()));
    }

    [Fact]
    public async Task markets_are_listed_from_the_configured_clusters()
    {
        var markets = (await Http.ReadJsonAsync(await host.AsReviewer().GetAsync("/api/v1/markets"), HttpStatusCode.OK)).AsArray();

        Assert.Equal(6, markets.Count);
        var first = markets[0]!["market"]!["market_id"]!.GetValue<string>();
        var one = (await Http.ReadJsonAsync(await host.AsReviewer().GetAsync($"/api/v1/markets/{first}"), HttpStatusCode.OK)).AsObject();
        Assert.Equal(first, one["market"]!["market_id"]!.GetValue<string>());

        var cluster = (await Http.ReadJsonAsync(await host.AsReviewer().GetAsync("/api/v1/clusters/crypto"), HttpStatusCode.OK)).AsObject();
        Assert.Equal("crypto", cluster["cluster_id"]!.GetValue<string>());
        var unknown = await host.AsReviewer().GetAsync("/api/v1/clusters/weather");
        Assert.Equal(ReasonCodes.StratUnknownCluster, Http.ReasonCode(await Http.ReadProblemAsync(unknown, HttpStatusCode.NotFound)));
    }

    [Fact]
    public async Task the_audit_query_pages_with_a_cursor()
    {
        var portfolioId = await host.NewPortfolioAsync();
        var client = host.AsOperator();
        await Http.ReadJsonAsync(await client.PostAsync($"/api/v1/portfolios/{portfolioId}/strategies", Http.Json(Http.Launch("momentum-page-1", portfolioId))), HttpStatusCode.Created);
        await Http.ReadJsonAsync(await client.PostAsync("/api/v1/strategies/momentum-page-1/stop", null), HttpStatusCode.OK);

        var first = (await Http.ReadJsonAsync(await client.GetAsync($"/api/v1/audit?portfolioId={portfolioId}&limit=1"), HttpStatusCode.OK)).AsObject();
        Assert.Single(first["items"]!.AsArray());
        var cursor = first["next_cursor"]!.GetValue<string>();
        var second = (await Http.ReadJsonAsync(await client.GetAsync($"/api/v1/audit?portfolioId={portfolioId}&limit=1&cursor={Uri.EscapeDataString(cursor)}"), HttpStatusCode.OK)).AsObject();
        Assert.True(second["items"]![0]!["sequence"]!.GetValue<long>() > first["items"]![0]!["sequence"]!.GetValue<long>());

        var bad = await client.GetAsync("/api/v1/audit?cursor=not-a-cursor");
        Assert.Equal(ReasonCodes.GovInvalidRequest, Http.ReasonCode(await Http.ReadProblemAsync(bad, HttpStatusCode.BadRequest)));
    }
}
