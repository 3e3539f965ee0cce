using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Polytraders.Contracts;

namespace Polytraders.Gateway.Tests;

[Collection(WithoutGrains.Name)]
public sealed class AuthenticationTests(GatewayWithoutGrains host)
{
    [Theory]
    [InlineData("/api/v1/reason-codes")]
    [InlineData("/api/v1/markets")]
    [InlineData("/api/v1/portfolios/PORT-001")]
    [InlineData("/api/v1/strategies/momentum-crypto-1")]
    [InlineData("/api/v1/audit")]
    [InlineData("/api/v1/audit/verify?portfolioId=PORT-001")]
    public async Task nobody_unauthenticated_reads(string path)
    {
        var response = await host.Anonymous().GetAsync(path);

        var problem = await Http.ReadProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal(ReasonCodes.SecUnauthenticated, Http.ReasonCode(problem));
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }

    [Fact]
    public async Task nobody_unauthenticated_writes()
    {
        var response = await host.Anonymous().PostAsync("/api/v1/portfolios/PORT-001/strategies", Http.Json(Http.Launch("momentum-anon", "PORT-001")));

        var problem = await Http.ReadProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal(ReasonCodes.SecUnauthenticated, Http.ReasonCode(problem));
    }

    [Theory]
    [InlineData("Bearer not-a-configured-key-at-all")]
    [InlineData("Bearer ")]
    [InlineData("Basic dGVzdDp0ZXN0")]
    [InlineData("test-operator-key-0001")]
    public async Task an_unknown_or_malformed_key_gets_401(string authorization)
    {
        var client = host.Anonymous();
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", authorization);

        var response = await client.GetAsync("/api/v1/reason-codes");

        var problem = await Http.ReadProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal(ReasonCodes.SecUnauthenticated, Http.ReasonCode(problem));
    }

    [Fact]
    public async Task the_bearer_scheme_name_is_case_insensitive()
    {
        var client = host.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("bearer", GatewayHost.ReviewerKey);

        var response = await client.GetAsync("/api/v1/reason-codes");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/v1/portfolios/PORT-001/strategies")]
    [InlineData("/api/v1/portfolios/PORT-001/trading-state")]
    [InlineData("/api/v1/strategies/momentum-crypto-1/stop")]
    [InlineData("/api/v1/strategies/momentum-crypto-1/relaunch")]
    public async Task reviewer_cannot_write(string path)
    {
        var response = await host.AsReviewer().PostAsync(path, Http.Json("{}"));

        var problem = await Http.ReadProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Equal(ReasonCodes.SecForbiddenRole, Http.ReasonCode(problem));
        Assert.Contains(path, problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task reviewer_is_refused_before_the_body_is_read()
    {
        var content = new StringContent("not even json", System.Text.Encoding.UTF8, "text/plain");

        var response = await host.AsReviewer().PostAsync("/api/v1/portfolios/PORT-001/strategies", content);

        var problem = await Http.ReadProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Equal(ReasonCodes.SecForbiddenRole, Http.ReasonCode(problem));
    }

    [Fact]
    public async Task reviewer_reads()
    {
        var response = await host.AsReviewer().GetAsync("/api/v1/reason-codes");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task operator_reads_too()
    {
        var response = await host.AsOperator().GetAsync("/api/v1/reason-codes");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task probes_need_no_key()
    {
        var response = await host.Anonymous().GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task outside_development_the_api_document_needs_a_key()
    {
        var anonymous = await host.Anonymous().GetAsync("/openapi/v1.json");
        var problem = await Http.ReadProblemAsync(anonymous, HttpStatusCode.Unauthorized);
        Assert.Equal(ReasonCodes.SecUnauthenticated, Http.ReasonCode(problem));

        Assert.Equal(HttpStatusCode.OK, (await host.AsReviewer().GetAsync("/openapi/v1.json")).StatusCode);
    }

    [Fact]
    public async Task in_development_the_api_document_needs_no_key()
    {
        await using var app = GatewayHost.BuildGateway(host.Configuration, services => services.AddSingleton(host.Grains), environment: "Development");
        await app.StartAsync();

        var response = await app.GetTestClient().GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await app.StopAsync();
    }
}
