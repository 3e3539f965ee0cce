using System.Net;
using System.Text.Json.Nodes;
using Polytraders.Contracts;

namespace Polytraders.Gateway.Tests;

/// <summary>Backtests over HTTP on the embedded silo: operators only, badged BACKTEST, audited in their own chain.</summary>
[Collection(WithEmbeddedSilo.Name)]
public sealed class BacktestEndpointTests(GatewayWithEmbeddedSilo host)
{
    [Fact]
    public async Task operator_starts_a_backtest_and_polls_it_to_results_badged_BACKTEST_in_their_own_chain()
    {
        var client = host.AsOperator();

        var started = await client.PostAsync("/api/v1/backtests", Http.Json(BacktestRequests.Sample()));

        var accepted = (await Http.ReadJsonAsync(started, HttpStatusCode.Accepted)).AsObject();
        Assert.Equal("BACKTEST", Assert.Single(started.Headers.GetValues("Polytraders-Badge")));
        var id = accepted["backtest_id"]!.GetValue<string>();
        Assert.StartsWith("BT-", id, StringComparison.Ordinal);
        Assert.Equal($"/api/v1/backtests/{id}", started.Headers.Location?.OriginalString);
        Assert.Equal("BACKTEST", accepted["badge"]!.GetValue<string>());
        Assert.Contains(accepted["status"]!.GetValue<string>(), new[] { "queued", "running", "completed" });

        var run = await BacktestRequests.PollAsync(client, id);
        Assert.Equal("completed", run["status"]!.GetValue<string>());
        Assert.Equal(100m, run["progress_percent"]!.GetValue<decimal>());
        Assert.Equal("alice", run["requested_by"]!.GetValue<string>());
        var results = run["results"]!.AsObject();
        Assert.Equal("BACKTEST", results["badge"]!.GetValue<string>());
        Assert.Equal(BacktestRequests.SampleCryptoHash, results["decision_hash"]!.GetValue<string>());
        Assert.Equal("1244.26671", results["total_pnl"]!.GetValue<string>());

        var chain = await BacktestRequests.ChainAsync(client, id);
        Assert.NotEmpty(chain);
        Assert.All(chain, e =>
        {
            Assert.Equal("backtest", e!["mode"]!.GetValue<string>());
            Assert.Equal("BACKTEST", e["badge"]!.GetValue<string>());
            Assert.Equal(id, e["backtest_id"]!.GetValue<string>());
            Assert.Null(e["launch_id"]);
            Assert.Equal("PORT-001", e["portfolio_id"]!.GetValue<string>());
        });
        var codes = chain.Select(e => e!["reason_code"]!.GetValue<string>()).ToHashSet();
        Assert.Superset(new HashSet<string>
        {
            ReasonCodes.StratMarketInScope, ReasonCodes.StratMarketOutOfScope, ReasonCodes.StratSignal,
            ReasonCodes.StratMomentumLong, ReasonCodes.StratMomentumExit, ReasonCodes.StratReshapedByRisk, ReasonCodes.RiskApproved,
            ReasonCodes.ExecOrderFilled, ReasonCodes.ExecOrderUnfilled,
        }, codes);
        Assert.Equal(Enumerable.Range(1, chain.Count).Select(i => (long)i), chain.Select(e => e!["sequence"]!.GetValue<long>()));

        // The sample's resolution leaves the scope as live does: STRAT_MARKET_OUT_OF_SCOPE, its cause recorded.
        Assert.Contains(chain, e => e!["reason_code"]!.GetValue<string>() == ReasonCodes.StratMarketOutOfScope && e["payload"]!["cause"]?.GetValue<string>() == "resolution");

        var verified = (await Http.ReadJsonAsync(await client.GetAsync($"/api/v1/backtests/{id}/audit/verify"), HttpStatusCode.OK)).AsObject();
        Assert.True(verified["valid"]!.GetValue<bool>());
        Assert.Equal(id, verified["chain_id"]!.GetValue<string>());

        // Never in a Portfolio's live trail, although the run used PORT-001's config.
        var live = (await Http.ReadJsonAsync(await client.GetAsync("/api/v1/audit?portfolioId=PORT-001&limit=1000"), HttpStatusCode.OK))["items"]!.AsArray();
        Assert.DoesNotContain(live, e => e!["backtest_id"] is not null || e["badge"] is not null);

        var cancel = await client.DeleteAsync($"/api/v1/backtests/{id}");
        Assert.Equal(ReasonCodes.StratBacktestFinished, Http.ReasonCode(await Http.ReadProblemAsync(cancel, HttpStatusCode.Conflict)));
    }

    [Fact]
    public async Task reviewer_cannot_start_read_report_or_cancel_a_backtest()
    {
        var reviewer = host.AsReviewer();

        var start = await reviewer.PostAsync("/api/v1/backtests", Http.Json(BacktestRequests.Sample()));
        Assert.Equal(ReasonCodes.SecForbiddenRole, Http.ReasonCode(await Http.ReadProblemAsync(start, HttpStatusCode.Forbidden)));

        var read = await reviewer.GetAsync("/api/v1/backtests/BT-20260908-000000000001");
        Assert.Equal(ReasonCodes.SecForbiddenRole, Http.ReasonCode(await Http.ReadProblemAsync(read, HttpStatusCode.Forbidden)));

        var report = await reviewer.GetAsync("/api/v1/backtests/BT-20260908-000000000001/report");
        Assert.Equal(ReasonCodes.SecForbiddenRole, Http.ReasonCode(await Http.ReadProblemAsync(report, HttpStatusCode.Forbidden)));

        var cancel = await reviewer.DeleteAsync("/api/v1/backtests/BT-20260908-000000000001");
        Assert.Equal(ReasonCodes.SecForbiddenRole, Http.ReasonCode(await Http.ReadProblemAsync(cancel, HttpStatusCode.Forbidden)));
    }

    [Theory]
    [InlineData("""{"days":181}""", "#/window/days")]
    [InlineData("""{"start":"2026-01-01T00:00:00Z","end":"2026-07-01T00:00:00Z"}""", "#/window")]
    public async Task a_window_over_180_days_is_refused_with_STRAT_BACKTEST_WINDOW_TOO_LONG(string window, string path)
    {
        var body = BacktestRequests.Sample();
        body["window"] = JsonNode.Parse(window);

        var response = await host.AsOperator().PostAsync("/api/v1/backtests", Http.Json(body));

        var problem = await Http.ReadProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(ReasonCodes.StratBacktestWindowTooLong, Http.ReasonCode(problem));
        Assert.Equal("BACKTEST", Assert.Single(response.Headers.GetValues("Polytraders-Badge")));
        Assert.Contains(("WindowTooLong", path), Http.Violations(problem));
    }

    [Fact]
    public async Task an_unknown_data_set_an_empty_scope_and_a_broken_body_are_refused_with_their_codes()
    {
        var operatorClient = host.AsOperator();

        var unknown = BacktestRequests.Sample();
        unknown["data"]!["dataset"] = "no-such-data";
        var missing = await operatorClient.PostAsync("/api/v1/backtests", Http.Json(unknown));
        var notFound = await Http.ReadProblemAsync(missing, HttpStatusCode.NotFound);
        Assert.Equal(ReasonCodes.StratBacktestUnknownDataset, Http.ReasonCode(notFound));
        Assert.Equal(ReasonCodes.Describe(ReasonCodes.StratBacktestUnknownDataset).Meaning, notFound["title"]!.GetValue<string>());
        Assert.StartsWith("No Backtest data set 'no-such-data' in ", notFound["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        var afterResolution = BacktestRequests.Sample();
        afterResolution["launch"]!["market_scope"] = new JsonObject { ["mode"] = "manual", ["market_ids"] = new JsonArray("0x5002fbf70c8ca94303026f05ede0d152153721b0ee559df62af95c775dd21003") };
        afterResolution["window"] = new JsonObject { ["start"] = "2026-09-07T00:00:00Z" };
        var empty = await operatorClient.PostAsync("/api/v1/backtests", Http.Json(afterResolution));
        Assert.Equal(ReasonCodes.StratScopeEmpty, Http.ReasonCode(await Http.ReadProblemAsync(empty, HttpStatusCode.BadRequest)));

        var mismatch = BacktestRequests.Sample();
        mismatch["launch"]!["portfolio_id"] = "PORT-002";
        var wrongPortfolio = await operatorClient.PostAsync("/api/v1/backtests", Http.Json(mismatch));
        var problem = await Http.ReadProblemAsync(wrongPortfolio, HttpStatusCode.BadRequest);
        Assert.Contains(("PortfolioMismatch", "#/launch/portfolio_id"), Http.Violations(problem));

        var broken = BacktestRequests.Sample();
        broken["fills"] = new JsonObject { ["timing"] = "at_close" };
        var invalid = await operatorClient.PostAsync("/api/v1/backtests", Http.Json(broken));
        Assert.Contains(("NotInEnumeration", "#/fills/timing"), Http.Violations(await Http.ReadProblemAsync(invalid, HttpStatusCode.BadRequest)));
    }

    [Fact]
    public async Task an_unknown_backtest_is_404_STRAT_BACKTEST_NOT_FOUND()
    {
        var client = host.AsOperator();
        foreach (var response in new[]
        {
            await client.GetAsync("/api/v1/backtests/BT-20260101-000000000000"),
            await client.GetAsync("/api/v1/backtests/not-a-backtest"),
            await client.DeleteAsync("/api/v1/backtests/BT-20260101-000000000000"),
            await client.GetAsync("/api/v1/backtests/BT-20260101-000000000000/audit"),
            await client.GetAsync("/api/v1/backtests/BT-20260101-000000000000/report"),
            await client.GetAsync("/api/v1/backtests/not-a-backtest/report"),
        })
        {
            Assert.Equal(ReasonCodes.StratBacktestNotFound, Http.ReasonCode(await Http.ReadProblemAsync(response, HttpStatusCode.NotFound)));
        }
    }

    [Theory]
    [InlineData("""{"start":"2026-10-01T00:00:00Z","end":"2026-10-05T00:00:00Z"}""", "STRAT_BACKTEST_NO_DATA_IN_WINDOW", "holds no price")]
    [InlineData("""{"start":"2026-09-01T00:00:00Z","end":"2026-09-01T02:00:00Z"}""", "STRAT_BACKTEST_TOO_FEW_POINTS", "slow_lookback")]
    public async Task a_run_that_could_not_trade_is_refused_up_front_with_its_code(string window, string reasonCode, string why)
    {
        var body = BacktestRequests.Sample();
        body["window"] = JsonNode.Parse(window);

        var response = await host.AsOperator().PostAsync("/api/v1/backtests", Http.Json(body));

        var problem = await Http.ReadProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(reasonCode, Http.ReasonCode(problem));
        Assert.Contains(why, problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("BACKTEST", Assert.Single(response.Headers.GetValues("Polytraders-Badge")));
    }
}
