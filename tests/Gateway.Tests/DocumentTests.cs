using System.Net;
using System.Text.Json.Nodes;
using Polytraders.Contracts;

namespace Polytraders.Gateway.Tests;

[Collection(WithoutGrains.Name)]
public sealed class DocumentTests(GatewayWithoutGrains host)
{
    [Fact]
    public async Task the_reason_code_registry_is_published_with_http_statuses()
    {
        var response = await host.AsReviewer().GetAsync("/api/v1/reason-codes");

        var registry = (await Http.ReadJsonAsync(response, HttpStatusCode.OK)).AsObject();
        var codes = registry["codes"]!.AsArray();
        Assert.Equal(ReasonCodes.All.Count, codes.Count);
        var forbidden = codes.Single(c => c!["code"]!.GetValue<string>() == ReasonCodes.SecForbiddenRole)!;
        Assert.Equal(403, forbidden["http_status"]!.GetValue<int>());
        Assert.Equal("SEC", forbidden["family"]!.GetValue<string>());
    }

    [Fact]
    public async Task the_openapi_document_declares_bearer_auth_and_every_endpoint()
    {
        var response = await host.AsReviewer().GetAsync("/openapi/v1.json");

        var document = (await Http.ReadJsonAsync(response, HttpStatusCode.OK)).AsObject();
        var scheme = document["components"]!["securitySchemes"]!["Bearer"]!;
        Assert.Equal("http", scheme["type"]!.GetValue<string>());
        Assert.Equal("bearer", scheme["scheme"]!.GetValue<string>());

        var paths = document["paths"]!.AsObject();
        foreach (var path in new[]
                 {
                     "/api/v1/markets", "/api/v1/markets/{marketId}", "/api/v1/clusters/{clusterId}",
                     "/api/v1/portfolios/{portfolioId}", "/api/v1/portfolios/{portfolioId}/strategies",
                     "/api/v1/portfolios/{portfolioId}/trading-state", "/api/v1/strategies/{strategyId}",
                     "/api/v1/strategies/{strategyId}/stop", "/api/v1/strategies/{strategyId}/relaunch",
                     "/api/v1/audit", "/api/v1/audit/verify", "/api/v1/reason-codes",
                     "/api/v1/backtests", "/api/v1/backtests/{backtestId}", "/api/v1/backtests/{backtestId}/report",
                     "/api/v1/backtests/{backtestId}/audit", "/api/v1/backtests/{backtestId}/audit/verify",
                 })
        {
            Assert.True(paths.ContainsKey(path), $"{path} is not in the OpenAPI document");
        }

        var launch = paths["/api/v1/portfolios/{portfolioId}/strategies"]!["post"]!;
        Assert.Equal(["operator"], Roles(launch));
        Assert.Equal(["operator", "reviewer"], Roles(paths["/api/v1/portfolios/{portfolioId}"]!["get"]!));
        Assert.NotEmpty(launch["security"]!.AsArray());
        Assert.NotNull(launch["requestBody"]);

        var report = paths["/api/v1/backtests/{backtestId}/report"]!["get"]!["responses"]!.AsObject();
        Assert.Equal("text/html", report["200"]!["content"]!.AsObject().Select(c => c.Key).Single());
        Assert.True(report.ContainsKey("409"));
    }

    [Fact]
    public async Task the_managed_portfolio_and_list_routes_are_in_the_openapi_document_with_their_roles_and_bodies()
    {
        var document = (await Http.ReadJsonAsync(await host.AsReviewer().GetAsync("/openapi/v1.json"), HttpStatusCode.OK)).AsObject();
        var paths = document["paths"]!.AsObject();

        foreach (var (path, method, roles) in new[]
                 {
                     ("/api/v1/portfolios", "get", new[] { "operator", "reviewer" }),
                     ("/api/v1/portfolios", "post", ["operator"]),
                     ("/api/v1/portfolios/{portfolioId}/config", "put", ["operator"]),
                     ("/api/v1/strategies", "get", ["operator", "reviewer"]),
                     ("/api/v1/clusters", "get", ["operator", "reviewer"]),
                     ("/api/v1/backtests", "get", ["operator"]),
                 })
        {
            var operation = paths[path]?[method];
            Assert.True(operation is not null, $"{method.ToUpperInvariant()} {path} is not in the OpenAPI document");
            Assert.Equal(roles, Roles(operation!));
            Assert.NotEmpty(operation!["security"]!.AsArray());
        }

        Assert.NotNull(paths["/api/v1/portfolios"]!["post"]!["requestBody"]);
        Assert.NotNull(paths["/api/v1/portfolios/{portfolioId}/config"]!["put"]!["requestBody"]);
        Assert.True(paths["/api/v1/portfolios/{portfolioId}/config"]!["put"]!["responses"]!.AsObject().ContainsKey("409"));
    }

    private static string[] Roles(JsonNode operation) =>
        operation["x-polytraders-roles"]!.AsArray().Select(r => r!.GetValue<string>()).ToArray();

    [Fact]
    public async Task liveness_answers_without_the_cluster()
    {
        var response = await host.Anonymous().GetAsync("/health/live");

        var body = (await Http.ReadJsonAsync(response, HttpStatusCode.OK)).AsObject();
        Assert.Equal("Healthy", body["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task readiness_reaches_the_cluster()
    {
        var response = await host.Anonymous().GetAsync("/health/ready");

        var body = (await Http.ReadJsonAsync(response, HttpStatusCode.OK)).AsObject();
        Assert.Equal("Healthy", body["checks"]!["cluster"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task problems_carry_a_trace_id_and_the_reason_code_type()
    {
        var response = await host.Anonymous().GetAsync("/api/v1/reason-codes");

        var problem = await Http.ReadProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.False(string.IsNullOrEmpty(problem["traceId"]?.GetValue<string>()));
        Assert.Equal("/api/v1/reason-codes#SEC_UNAUTHENTICATED", problem["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task problems_of_endpoints_carry_a_trace_id_and_the_instance()
    {
        var response = await host.AsReviewer().GetAsync("/api/v1/portfolios/not-a-portfolio");

        var problem = await Http.ReadProblemAsync(response, HttpStatusCode.NotFound);
        Assert.False(string.IsNullOrEmpty(problem["traceId"]?.GetValue<string>()));
        Assert.Equal("/api/v1/portfolios/not-a-portfolio", problem["instance"]!.GetValue<string>());
        Assert.Equal("No Portfolio with that id.", problem["title"]!.GetValue<string>());
    }
}
