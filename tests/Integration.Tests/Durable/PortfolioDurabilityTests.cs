using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Polytraders.Contracts;
using Polytraders.Grains;
using Polytraders.Integration.Tests.Postgres;
using Xunit.Abstractions;

namespace Polytraders.Integration.Tests.Durable;

/// <summary>A Portfolio created and reconfigured through the gateway on the PostgreSQL profile, read back after a restart.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PortfolioDurabilityTests(PostgresServer server, ITestOutputHelper output) : IDisposable
{
    private readonly TestKeys _keys = new();

    [Fact]
    public async Task a_portfolio_created_and_reconfigured_through_the_api_survives_a_restart_with_its_chain_and_its_listing()
    {
        var database = await server.CreateDatabaseAsync();
        var settings = new SiloSettings(database, _keys.Create("silo").Path, "portfolios") { MigrateOnStart = true };
        var created = JsonNode.Parse(await File.ReadAllTextAsync(Repo.Fixture("good/PortfolioConfig/port_100_created_through_the_api.json")))!;
        var changed = JsonNode.Parse(await File.ReadAllTextAsync(Repo.Fixture("good/PortfolioConfig/port_100_config_change_lowers_its_caps.json")))!;
        await using (var first = await TestSilo.StartAsync(settings, output))
        {
            using var http = Client(first);
            await Eventually.Get(() => first.Grains.GetGrain<IPortfolioGrain>("PORT-001").GetState(), "PORT-001 seeded by the replay service");
            Assert.Equal(HttpStatusCode.Created, (await http.PostAsJsonAsync("/api/v1/portfolios", created)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await http.PutAsJsonAsync("/api/v1/portfolios/PORT-100/config", changed)).StatusCode);
        }

        await using var second = await TestSilo.StartAsync(settings with { MigrateOnStart = false }, output);
        using var again = Client(second);
        var portfolio = (await again.GetFromJsonAsync<JsonObject>("/api/v1/portfolios/PORT-100"))!;
        Assert.Equal("Momentum desk - crypto sleeve (reduced)", portfolio["config"]!["name"]!.GetValue<string>());
        Assert.Equal("1000", portfolio["config"]!["risk_limits"]!["max_gross_exposure"]!.GetValue<string>());
        Assert.Equal("5000", portfolio["balance"]!.GetValue<string>());

        var listed = (await again.GetFromJsonAsync<JsonObject>("/api/v1/portfolios?limit=100"))!["items"]!.AsArray();
        var entry = listed.Single(p => p!["portfolio_id"]!.GetValue<string>() == "PORT-100")!;
        Assert.Equal("Momentum desk - crypto sleeve (reduced)", entry["name"]!.GetValue<string>());

        var chain = (await again.GetFromJsonAsync<JsonObject>("/api/v1/audit?portfolioId=PORT-100&limit=10"))!["items"]!.AsArray();
        Assert.Equal([ReasonCodes.GovPortfolioCreated, ReasonCodes.GovPortfolioConfigChanged], chain.Select(e => e!["reason_code"]!.GetValue<string>()));
        Assert.True((await again.GetFromJsonAsync<JsonObject>("/api/v1/audit/verify?portfolioId=PORT-100"))!["valid"]!.GetValue<bool>());
    }

    public void Dispose() => _keys.Dispose();

    private static HttpClient Client(TestSilo silo)
    {
        var http = new HttpClient { BaseAddress = silo.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new("Bearer", TestSilo.OperatorKey);
        return http;
    }
}
