using System.Net;
using System.Text.Json.Nodes;
using Polytraders.Contracts;

namespace Polytraders.Gateway.Tests;

/// <summary>DELETE /api/v1/backtests/{id}: a running Backtest stops, ends cancelled, and says so in its own chain.</summary>
[Collection(WithEmbeddedSilo.Name)]
public sealed class BacktestCancelTests(GatewayWithEmbeddedSilo host)
{
    [Fact]
    public async Task a_running_backtest_cancelled_over_http_ends_cancelled_with_its_chain_closed_and_a_second_cancel_changes_nothing()
    {
        var client = host.AsOperator();
        var id = await BacktestRequests.StartAsync(client, BacktestRequests.Long());

        var cancel = await client.DeleteAsync($"/api/v1/backtests/{id}");

        var accepted = (await Http.ReadJsonAsync(cancel, HttpStatusCode.Accepted)).AsObject();
        Assert.Equal("BACKTEST", Assert.Single(cancel.Headers.GetValues("Polytraders-Badge")));
        Assert.Equal(id, accepted["backtest_id"]!.GetValue<string>());
        Assert.Contains(accepted["status"]!.GetValue<string>(), new[] { "running", "cancelled" });

        var run = await BacktestRequests.PollAsync(client, id);
        Assert.Equal("cancelled", run["status"]!.GetValue<string>());
        Assert.Equal("BACKTEST", run["badge"]!.GetValue<string>());
        Assert.Equal(ReasonCodes.StratBacktestCancelled, run["failure"]!["reason_code"]!.GetValue<string>());
        Assert.Contains("alice", run["failure"]!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(run["results"]);
        Assert.True(run["progress_percent"]!.GetValue<decimal>() < 100m);
        Assert.NotNull(run["finished_at"]);

        // The chain ends with the operator's cancel, badged like every link, and re-hashes.
        var chain = await BacktestRequests.ChainAsync(client, id);
        var last = chain[^1]!.AsObject();
        Assert.Equal(ReasonCodes.StratBacktestCancelled, last["reason_code"]!.GetValue<string>());
        Assert.Equal("operator:alice", last["actor"]!.GetValue<string>());
        Assert.Equal("stop", last["payload"]!["kind"]!.GetValue<string>());
        Assert.All(chain, e => Assert.Equal("BACKTEST", e!["badge"]!.GetValue<string>()));
        Assert.Single(chain, e => e!["reason_code"]!.GetValue<string>() == ReasonCodes.StratBacktestCancelled);
        await AssertVerifiesAsync(client, id, chain.Count);

        // Again: refused as finished, and nothing about the run or its chain moves.
        var again = await client.DeleteAsync($"/api/v1/backtests/{id}");
        Assert.Equal(ReasonCodes.StratBacktestFinished, Http.ReasonCode(await Http.ReadProblemAsync(again, HttpStatusCode.Conflict)));
        var after = (await Http.ReadJsonAsync(await client.GetAsync($"/api/v1/backtests/{id}"), HttpStatusCode.OK)).AsObject();
        Assert.True(JsonNode.DeepEquals(run, after), $"{run}\n{after}");
        Assert.Equal(chain.Count, (await BacktestRequests.ChainAsync(client, id)).Count);

        // A cancelled run has no report: the refusal is the run's own reason.
        var report = await client.GetAsync($"/api/v1/backtests/{id}/report");
        Assert.Equal(ReasonCodes.StratBacktestCancelled, Http.ReasonCode(await Http.ReadProblemAsync(report, HttpStatusCode.Conflict)));
    }

    [Fact]
    public async Task cancelling_an_unknown_backtest_is_404_STRAT_BACKTEST_NOT_FOUND()
    {
        var client = host.AsOperator();

        foreach (var id in new[] { "BT-20260101-00000000cafe", "not-a-backtest" })
        {
            var response = await client.DeleteAsync($"/api/v1/backtests/{id}");

            Assert.Equal(ReasonCodes.StratBacktestNotFound, Http.ReasonCode(await Http.ReadProblemAsync(response, HttpStatusCode.NotFound)));
        }
    }

    private static async Task AssertVerifiesAsync(HttpClient client, string id, int links)
    {
        var verified = (await Http.ReadJsonAsync(await client.GetAsync($"/api/v1/backtests/{id}/audit/verify"), HttpStatusCode.OK)).AsObject();
        Assert.True(verified["valid"]!.GetValue<bool>(), verified.ToJsonString());
        Assert.Equal(links, verified["checked"]!.GetValue<long>());
    }
}
