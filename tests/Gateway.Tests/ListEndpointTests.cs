using System.Net;
using System.Text.Json.Nodes;
using Polytraders.Contracts;

namespace Polytraders.Gateway.Tests;

/// <summary>The paginated, filtered, Tenant-scoped lists through the gateway on the embedded silo.</summary>
[Collection(WithEmbeddedSilo.Name)]
public sealed class ListEndpointTests(GatewayWithEmbeddedSilo host)
{
    private static List<string> Ids(JsonNode page, string key) =>
        page["items"]!.AsArray().Select(i => i![key]!.GetValue<string>()).ToList();

    private static async Task<JsonNode> PageAsync(HttpClient client, string url) => await Http.ReadJsonAsync(await client.GetAsync(url), HttpStatusCode.OK);

    /// <summary>Every item of a list, following next_after a page of <paramref name="limit"/> at a time.</summary>
    private static async Task<List<string>> AllAsync(HttpClient client, string url, string key, int limit)
    {
        var ids = new List<string>();
        string? after = null;
        do
        {
            var separator = url.Contains('?', StringComparison.Ordinal) ? '&' : '?';
            var page = await PageAsync(client, $"{url}{separator}limit={limit}{(after is null ? "" : $"&after={after}")}");
            Assert.True(page["items"]!.AsArray().Count <= limit);
            ids.AddRange(Ids(page, key));
            after = page["next_after"]?.GetValue<string>();
        }
        while (after is not null);
        return ids;
    }

    [Fact]
    public async Task portfolios_are_listed_page_by_page_for_the_caller_s_tenant_only_and_filter_by_status_and_mode()
    {
        var alice = host.AsOperator();
        var suspended = PortfolioManagementTests.NewConfig(out var suspendedId);
        suspended["status"] = "suspended";
        await PortfolioManagementTests.CreatedAsync(alice, suspended);
        await PortfolioManagementTests.CreatedAsync(host.As(GatewayHost.DaveKey), PortfolioManagementTests.NewConfig(out var otherId, GatewayHost.OtherTenant));

        var all = await AllAsync(host.AsReviewer(), "/api/v1/portfolios", "portfolio_id", 1);
        Assert.Contains("PORT-001", all);
        Assert.Contains(suspendedId, all);
        Assert.DoesNotContain(otherId, all);
        Assert.Equal(all.Order(StringComparer.Ordinal), all);
        Assert.Equal(all.Count, all.Distinct().Count());

        Assert.Equal([otherId], Ids(await PageAsync(host.As(GatewayHost.DaveKey), "/api/v1/portfolios"), "portfolio_id"));
        Assert.Contains(suspendedId, Ids(await PageAsync(alice, "/api/v1/portfolios?status=suspended"), "portfolio_id"));
        Assert.DoesNotContain("PORT-001", Ids(await PageAsync(alice, "/api/v1/portfolios?status=suspended"), "portfolio_id"));

        var running = PortfolioManagementTests.NewConfig(out var runningId);
        await PortfolioManagementTests.CreatedAsync(alice, running);
        await Http.ReadJsonAsync(await alice.PostAsync($"/api/v1/portfolios/{runningId}/strategies", Http.Json(Http.Launch($"listed-{runningId.ToLowerInvariant()}", runningId))), HttpStatusCode.Created);
        var paper = await PageAsync(alice, "/api/v1/portfolios?mode=paper&limit=100");
        var entry = paper["items"]!.AsArray().Single(p => p!["portfolio_id"]!.GetValue<string>() == runningId)!;
        Assert.Equal($"listed-{runningId.ToLowerInvariant()}", entry["bound_strategy_id"]!.GetValue<string>());
        Assert.DoesNotContain(runningId, Ids(await PageAsync(alice, "/api/v1/portfolios?mode=limited_live&limit=100"), "portfolio_id"));
    }

    [Fact]
    public async Task strategies_are_listed_by_portfolio_status_and_bot_and_a_stop_shows()
    {
        var alice = host.AsOperator();
        var portfolioId = await host.NewPortfolioAsync();
        var strategyId = $"listed-strategy-{portfolioId.ToLowerInvariant()}";
        await Http.ReadJsonAsync(await alice.PostAsync($"/api/v1/portfolios/{portfolioId}/strategies", Http.Json(Http.Launch(strategyId, portfolioId))), HttpStatusCode.Created);

        var listed = (await PageAsync(host.AsReviewer(), $"/api/v1/strategies?portfolio={portfolioId}"))["items"]!.AsArray().Single()!;
        Assert.Equal((strategyId, "running", "momentum-v1", "paper", "TEN-DESK"), (
            listed["strategy_id"]!.GetValue<string>(),
            listed["status"]!.GetValue<string>(),
            listed["bot_id"]!.GetValue<string>(),
            listed["mode"]!.GetValue<string>(),
            listed["tenant_id"]!.GetValue<string>()));
        Assert.Contains(strategyId, await AllAsync(alice, "/api/v1/strategies?bot=momentum-v1&status=running", "strategy_id", 100));
        Assert.Empty((await PageAsync(host.As(GatewayHost.DaveKey), $"/api/v1/strategies?portfolio={portfolioId}"))["items"]!.AsArray());

        Assert.Equal(HttpStatusCode.OK, (await alice.PostAsync($"/api/v1/strategies/{strategyId}/stop", null)).StatusCode);
        Assert.Equal([strategyId], Ids(await PageAsync(alice, $"/api/v1/strategies?portfolio={portfolioId}&status=stopped"), "strategy_id"));
        Assert.Empty((await PageAsync(alice, $"/api/v1/strategies?portfolio={portfolioId}&status=running"))["items"]!.AsArray());
    }

    [Fact]
    public async Task clusters_are_listed_by_id_and_filter_by_name()
    {
        var reviewer = host.AsReviewer();

        Assert.Equal(["crypto", "politics"], await AllAsync(reviewer, "/api/v1/clusters", "cluster_id", 1));
        var named = await PageAsync(reviewer, "/api/v1/clusters?name=CRYPTO");
        Assert.Equal(["crypto"], Ids(named, "cluster_id"));
        Assert.NotEmpty(named["items"]![0]!["market_ids"]!.AsArray());
    }

    [Fact]
    public async Task backtests_are_listed_newest_first_for_operators_and_refused_to_reviewers()
    {
        var alice = host.AsOperator();
        var first = await BacktestRequests.StartAsync(alice, BacktestRequests.Sample());
        var second = await BacktestRequests.StartAsync(alice, BacktestRequests.Sample());
        await BacktestRequests.PollAsync(alice, first);
        await BacktestRequests.PollAsync(alice, second);

        var response = await alice.GetAsync("/api/v1/backtests?strategy=momentum-crypto-1&status=completed&limit=100");
        var page = await Http.ReadJsonAsync(response, HttpStatusCode.OK);
        Assert.Equal("BACKTEST", page["badge"]!.GetValue<string>());
        Assert.Equal("BACKTEST", Assert.Single(response.Headers.GetValues("Polytraders-Badge")));
        var ids = Ids(page, "backtest_id");
        Assert.True(ids.IndexOf(second) < ids.IndexOf(first) && ids.IndexOf(second) >= 0, "the newer run is listed first");
        Assert.DoesNotContain(first, Ids(await PageAsync(alice, "/api/v1/backtests?status=failed&limit=100"), "backtest_id"));
        Assert.DoesNotContain(first, Ids(await PageAsync(host.As(GatewayHost.DaveKey), "/api/v1/backtests"), "backtest_id"));
        var foreign = await Http.ReadProblemAsync(await host.As(GatewayHost.DaveKey).PostAsync("/api/v1/backtests", Http.Json(BacktestRequests.Sample())), HttpStatusCode.BadRequest);
        Assert.Contains("TenantMismatch", foreign.ToJsonString(), StringComparison.Ordinal);

        var refused = await Http.ReadProblemAsync(await host.AsReviewer().GetAsync("/api/v1/backtests"), HttpStatusCode.Forbidden);
        Assert.Equal(ReasonCodes.SecForbiddenRole, Http.ReasonCode(refused));
    }

    [Theory]
    [InlineData("/api/v1/portfolios?limit=0", "?limit")]
    [InlineData("/api/v1/portfolios?limit=101", "?limit")]
    [InlineData("/api/v1/portfolios?status=running", "?status")]
    [InlineData("/api/v1/portfolios?after=PORT-1", "?after")]
    [InlineData("/api/v1/strategies?portfolio=port-001", "?portfolio")]
    [InlineData("/api/v1/strategies?status=idle", "?status")]
    [InlineData("/api/v1/clusters?after=Crypto", "?after")]
    [InlineData("/api/v1/backtests?status=paused", "?status")]
    public async Task a_malformed_list_query_is_a_400_naming_the_parameter(string url, string parameter)
    {
        var problem = await Http.ReadProblemAsync(await host.AsOperator().GetAsync(url), HttpStatusCode.BadRequest);

        Assert.Equal(ReasonCodes.GovInvalidRequest, Http.ReasonCode(problem));
        Assert.Contains(parameter, problem.ToJsonString(), StringComparison.Ordinal);
    }
}
