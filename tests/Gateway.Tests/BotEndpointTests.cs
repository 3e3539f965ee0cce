using System.Net;
using Polytraders.Contracts;
using Polytraders.Grains;

namespace Polytraders.Gateway.Tests;

/// <summary>The Bot registry through the gateway on the embedded silo: read-only, and what a launch must resolve to.</summary>
[Collection(WithEmbeddedSilo.Name)]
public sealed class BotEndpointTests(GatewayWithEmbeddedSilo host)
{
    [Fact]
    public async Task a_reviewer_lists_the_bots_and_reads_momentum_v1_with_its_27_sections()
    {
        var reviewer = host.AsReviewer();

        var bots = (await Http.ReadJsonAsync(await reviewer.GetAsync("/api/v1/bots"), HttpStatusCode.OK)).AsArray();
        var listed = Assert.Single(bots, b => b!["bot_id"]!.GetValue<string>() == "momentum-v1")!;
        Assert.Equal("demo-wired", listed["status"]!.GetValue<string>());
        Assert.Null(listed["sections"]);

        var spec = await Http.ReadJsonAsync(await reviewer.GetAsync("/api/v1/bots/momentum-v1"), HttpStatusCode.OK);
        Assert.Equal(Enumerable.Range(1, 27), spec["sections"]!.AsArray().Select(s => s!["number"]!.GetValue<int>()));
        Assert.Equal(listed["content_hash"]!.GetValue<string>(), spec["content_hash"]!.GetValue<string>());
    }

    [Fact]
    public async Task an_unknown_bot_is_404_with_its_code()
    {
        var problem = await Http.ReadProblemAsync(await host.AsReviewer().GetAsync("/api/v1/bots/momentum-v9"), HttpStatusCode.NotFound);

        Assert.Equal(ReasonCodes.GovUnknownBot, Http.ReasonCode(problem));
    }

    [Fact]
    public async Task the_status_board_counts_the_registered_bots_by_status_and_class()
    {
        var board = await Http.ReadJsonAsync(await host.AsReviewer().GetAsync("/api/v1/status-board"), HttpStatusCode.OK);

        var expected = await host.Grains.GetGrain<IBotRegistryGrain>(0).List();
        Assert.Equal(expected.Count, board["total"]!.GetValue<int>());
        var demoWired = Assert.Single(board["statuses"]!.AsArray(), s => s!["status"]!.GetValue<string>() == "demo-wired")!;
        Assert.Contains("momentum-v1", demoWired["bot_ids"]!.AsArray().Select(id => id!.GetValue<string>()));
        var momentum = Assert.Single(board["classes"]!.AsArray())!;
        Assert.Equal(("momentum", "demo-wired"), (momentum["class"]!.GetValue<string>(), momentum["rung"]!.GetValue<string>()));
    }

    [Fact]
    public async Task there_is_no_way_to_edit_a_spec_through_the_api()
    {
        var client = host.AsOperator();

        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await client.PutAsync("/api/v1/bots/momentum-v1", Http.Json("{}"))).StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await client.DeleteAsync("/api/v1/bots/momentum-v1")).StatusCode);
    }

    [Fact]
    public async Task a_launch_that_resolves_to_no_registered_bot_is_refused_and_binds_nothing()
    {
        var portfolioId = await host.NewPortfolioAsync();
        var launch = Http.Launch("momentum-unregistered-1", portfolioId);
        launch["version"] = "9.0.0";

        var refused = await host.AsOperator().PostAsync($"/api/v1/portfolios/{portfolioId}/strategies", Http.Json(launch));

        Assert.Equal(ReasonCodes.StratUnregisteredBot, Http.ReasonCode(await Http.ReadProblemAsync(refused, HttpStatusCode.UnprocessableEntity)));
        Assert.Null((await host.Grains.GetGrain<IPortfolioGrain>(portfolioId).GetState())!.BoundStrategyId);
    }
}
