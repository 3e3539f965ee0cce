using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Polytraders.Gateway.Tests;

/// <summary>Failures of the cluster answer as problems that name nothing of the internals.</summary>
public sealed class FailureTests
{
    private const string Secret = "connection string Password=hunter2 at Polytraders.Grains.Internal";

    [Fact]
    public async Task an_unexpected_failure_is_a_500_problem_without_internals()
    {
        await using var app = await StartAsync(new InvalidOperationException(Secret));

        var response = await Client(app).GetAsync("/api/v1/portfolios/PORT-001");

        var problem = await Http.ReadProblemAsync(response, HttpStatusCode.InternalServerError);
        var body = problem.ToJsonString();
        Assert.DoesNotContain("hunter2", body, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", body, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(problem["traceId"]?.GetValue<string>()));
    }

    [Fact]
    public async Task a_cluster_that_does_not_answer_is_a_503_problem()
    {
        await using var app = await StartAsync(new TimeoutException(Secret));

        var response = await Client(app).GetAsync("/api/v1/markets");

        var problem = await Http.ReadProblemAsync(response, HttpStatusCode.ServiceUnavailable);
        Assert.DoesNotContain("hunter2", problem.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task readiness_fails_when_the_cluster_does_not_answer()
    {
        await using var app = await StartAsync(new TimeoutException(Secret));

        var response = await app.GetTestClient().GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.DoesNotContain("hunter2", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static HttpClient Client(WebApplication app)
    {
        var client = app.GetTestClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", GatewayHost.ReviewerKey);
        return client;
    }

    private static async Task<WebApplication> StartAsync(Exception failure)
    {
        var settings = new ConfigurationBuilder().AddInMemoryCollection(GatewayHost.Settings(Path.GetTempPath())).Build();
        var grains = DispatchProxy.Create<IGrainFactory, FailingGrainFactory>();
        ((FailingGrainFactory)(object)grains).Failure = failure;
        var app = GatewayHost.BuildGateway(settings, services => services.AddSingleton(grains));
        await app.StartAsync();
        return app;
    }

    /// <summary>A grain factory whose every call fails as the cluster would.</summary>
    public class FailingGrainFactory : DispatchProxy
    {
        public Exception Failure { get; set; } = new InvalidOperationException();

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) => throw Failure;
    }
}
