using System.Text.Json;
using Polytraders.Integration.Tests.Postgres;
using Xunit.Abstractions;

namespace Polytraders.Integration.Tests.Durable;

/// <summary>The standalone gateway (src/Gateway, its own process) as an Orleans client of a PostgreSQL-clustered silo.</summary>
[Collection(PostgresCollection.Name)]
public sealed class StandaloneGatewayTests(PostgresServer server, ITestOutputHelper output) : IDisposable
{
    private readonly TestKeys _keys = new();

    [Fact]
    public async Task a_standalone_gateway_finds_the_cluster_through_postgres_and_serves_the_api()
    {
        var database = await server.CreateDatabaseAsync();
        var settings = new SiloSettings(database, _keys.Create("silo").Path, "gateway") { MigrateOnStart = true };
        var silo = await TestSilo.StartAsync(settings, output);
        var port = FreePort.Next();
        using var gateway = ChildProcess.Start(Repo.GatewayDll, [], new Dictionary<string, string>
        {
            ["Cluster__Clustering"] = "AdoNet",
            ["Cluster__ConnectionString"] = database.ConnectionStringFor(SiloSettings.AppRole),
            ["Cluster__ClusterId"] = settings.ClusterId,
            ["Urls"] = $"http://127.0.0.1:{port}",
            [$"Gateway__ApiKeys__{TestSilo.ReviewerKey}__Operator"] = "bob",
            [$"Gateway__ApiKeys__{TestSilo.ReviewerKey}__Role"] = "reviewer",
            ["Logging__LogLevel__Default"] = "Warning",
        });
        try
        {
            await Eventually.Get(() => silo.Grains.GetGrain<Grains.IPortfolioGrain>("PORT-001").GetState(), "PORT-001 seeded");
            using var http = await gateway.ReadyAsync($"http://127.0.0.1:{port}");

            http.DefaultRequestHeaders.Authorization = new("Bearer", TestSilo.ReviewerKey);
            using var portfolio = JsonDocument.Parse(await http.GetStringAsync(new Uri("/api/v1/portfolios/PORT-001", UriKind.Relative)));
            Assert.Equal("PORT-001", portfolio.RootElement.GetProperty("config").GetProperty("portfolio_id").GetString());
            using var verification = JsonDocument.Parse(await http.GetStringAsync(new Uri("/api/v1/audit/verify?portfolioId=PORT-001", UriKind.Relative)));
            Assert.True(verification.RootElement.GetProperty("valid").GetBoolean());
        }
        finally
        {
            output.WriteLine(gateway.Output);
            gateway.Kill();
            await silo.StopAsync();
        }
    }

    public void Dispose() => _keys.Dispose();
}
