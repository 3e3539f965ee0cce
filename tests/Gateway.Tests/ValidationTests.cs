using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Polytraders.Contracts;

namespace Polytraders.Gateway.Tests;

/// <summary>Bodies and queries are checked before any grain is called: these run against a silo without grains.</summary>
[Collection(WithoutGrains.Name)]
public sealed class ValidationTests(GatewayWithoutGrains host)
{
    private const string LaunchPath = "/api/v1/portfolios/PORT-001/strategies";

    [Fact]
    public async Task a_bad_body_gets_400_with_the_rule_named()
    {
        var launch = Http.Launch("momentum-crypto-1", "PORT-001", marketCount: 51);

        var response = await host.AsOperator().PostAsync(LaunchPath, Http.Json(launch));

        var problem = await Http.ReadProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(ReasonCodes.StratScopeTooManyMarkets, Http.ReasonCode(problem));
        Assert.Contains(("TooManyItems", "#/market_scope/market_ids"), Http.Violations(problem));
        Assert.Contains("TooManyItems at #/market_scope/market_ids", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_scope_with_both_a_cluster_and_markets_names_the_mixed_modes_rule()
    {
        var launch = Http.Launch("momentum-crypto-1", "PORT-001");
        launch["market_scope"]!["cluster_id"] = "crypto";

        var response = await host.AsOperator().PostAsync(LaunchPath, Http.Json(launch));

        var problem = await Http.ReadProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(ReasonCodes.StratScopeMixedModes, Http.ReasonCode(problem));
    }

    [Theory]
    [InlineData("strategy_id", "Not-Kebab")]
    [InlineData("family", "mean-reversion")]
    [InlineData("version", "v1")]
    public async Task a_launch_breaking_its_schema_is_STRAT_INVALID_LAUNCH(string field, string value)
    {
        var launch = Http.Launch("momentum-crypto-1", "PORT-001");
        launch[field] = value;

        var response = await host.AsOperator().PostAsync(LaunchPath, Http.Json(launch));

        var problem = await Http.ReadProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(ReasonCodes.StratInvalidLaunch, Http.ReasonCode(problem));
        Assert.Contains(Http.Violations(problem), v => v.Path == $"#/{field}");
    }

    [Fact]
    public async Task an_unknown_field_is_refused()
    {
        var launch = Http.Launch("momentum-crypto-1", "PORT-001");
        launch["leverage"] = 10;

        var response = await host.AsOperator().PostAsync(LaunchPath, Http.Json(launch));

        var problem = await Http.ReadProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(Http.Violations(problem), v => v.Rule == "NoAdditionalPropertiesAllowed");
    }

    [Fact]
    public async Task a_launch_for_another_portfolio_than_the_route_is_400()
    {
        var response = await host.AsOperator().PostAsync(LaunchPath, Http.Json(Http.Launch("momentum-crypto-1", "PORT-002")));

        var problem = await Http.ReadProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(ReasonCodes.StratInvalidLaunch, Http.ReasonCode(problem));
        Assert.Contains(("RouteMismatch", "#/portfolio_id"), Http.Violations(problem));
    }

    [Theory]
    [InlineData("{\"strategy_id\": ")]
    [InlineData("not json")]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("null")]
    public async Task malformed_json_gets_400(string body)
    {
        var response = await host.AsOperator().PostAsync(LaunchPath, Http.Json(body));

        var problem = await Http.ReadProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(ReasonCodes.StratInvalidLaunch, Http.ReasonCode(problem));
    }

    [Fact]
    public async Task a_body_that_is_not_utf8_gets_400()
    {
        var content = new ByteArrayContent([0x7b, 0xff, 0xfe, 0x7d]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        var response = await host.AsOperator().PostAsync(LaunchPath, content);

        await Http.ReadProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task a_body_that_is_not_json_media_gets_415()
    {
        var content = new StringContent(Http.Launch("momentum-crypto-1", "PORT-001").ToJsonString(), Encoding.UTF8, "text/plain");

        var response = await host.AsOperator().PostAsync(LaunchPath, content);

        var problem = await Http.ReadProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.Equal(ReasonCodes.StratInvalidLaunch, Http.ReasonCode(problem));
    }

    [Fact]
    public async Task an_oversized_body_gets_413()
    {
        var launch = Http.Launch("momentum-crypto-1", "PORT-001");
        launch["padding"] = new string('x', 70 * 1024);

        var response = await host.AsOperator().PostAsync(LaunchPath, Http.Json(launch));

        await Http.ReadProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task a_trading_state_change_outside_the_enum_gets_400()
    {
        var response = await host.AsOperator().PostAsync(
            "/api/v1/portfolios/PORT-001/trading-state",
            Http.Json(new JsonObject { ["state"] = "PANIC", ["reason"] = "drill" }));

        var problem = await Http.ReadProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(ReasonCodes.GovInvalidRequest, Http.ReasonCode(problem));
        Assert.Contains(Http.Violations(problem), v => v.Path == "#/state");
    }

    [Fact]
    public async Task a_relaunch_without_a_portfolio_gets_400()
    {
        var response = await host.AsOperator().PostAsync("/api/v1/strategies/momentum-crypto-1/relaunch", Http.Json("{}"));

        var problem = await Http.ReadProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(Http.Violations(problem), v => v.Rule == "PropertyRequired");
    }

    [Theory]
    [InlineData("limit=0", "?limit")]
    [InlineData("limit=1001", "?limit")]
    [InlineData("limit=ten", "?limit")]
    [InlineData("portfolioId=port-1", "?portfolioId")]
    [InlineData("strategyId=Bad_Id", "?strategyId")]
    [InlineData("launchId=nope", "?launchId")]
    [InlineData("reasonCode=STRAT_MADE_UP", "?reasonCode")]
    [InlineData("since=yesterday", "?since")]
    [InlineData("since=2026-11-02T09:30:00", "?since")]
    [InlineData("since=2026-11-03T00:00:00Z&until=2026-11-02T00:00:00Z", "?until")]
    [InlineData("portfolio_id=PORT-001", "?portfolio_id")]
    [InlineData("limit=1&limit=2", "?limit")]
    public async Task bad_audit_query_parameters_get_400(string query, string path)
    {
        var response = await host.AsReviewer().GetAsync($"/api/v1/audit?{query}");

        var problem = await Http.ReadProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(ReasonCodes.GovInvalidRequest, Http.ReasonCode(problem));
        Assert.Contains(Http.Violations(problem), v => v.Path == path);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?portfolioId=PORT-1")]
    [InlineData("?chain=PORT-001")]
    public async Task audit_verification_needs_one_portfolio_id(string query)
    {
        var response = await host.AsReviewer().GetAsync($"/api/v1/audit/verify{query}");

        var problem = await Http.ReadProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(ReasonCodes.GovInvalidRequest, Http.ReasonCode(problem));
    }

    [Theory]
    [InlineData("/api/v1/portfolios/not-a-portfolio", ReasonCodes.StratUnknownPortfolio)]
    [InlineData("/api/v1/strategies/NOT_KEBAB", ReasonCodes.StratUnknownStrategy)]
    [InlineData("/api/v1/markets/0x1234", ReasonCodes.StratUnknownMarket)]
    [InlineData("/api/v1/clusters/Crypto!", ReasonCodes.StratUnknownCluster)]
    [InlineData("/api/v1/no-such-thing", ReasonCodes.GovNotFound)]
    public async Task an_id_that_cannot_exist_is_404_without_a_grain_call(string path, string reasonCode)
    {
        var response = await host.AsReviewer().GetAsync(path);

        var problem = await Http.ReadProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Equal(reasonCode, Http.ReasonCode(problem));
    }

    [Fact]
    public async Task a_wrong_method_is_a_problem_too()
    {
        var response = await host.AsOperator().DeleteAsync("/api/v1/portfolios/PORT-001");

        var problem = await Http.ReadProblemAsync(response, HttpStatusCode.MethodNotAllowed);
        Assert.Equal(ReasonCodes.GovInvalidRequest, Http.ReasonCode(problem));
    }
}
