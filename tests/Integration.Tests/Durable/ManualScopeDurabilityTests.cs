using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Polytraders.Grains;
using Polytraders.Integration.Tests.Postgres;
using Xunit.Abstractions;

namespace Polytraders.Integration.Tests.Durable;

/// <summary>An operator's edit of a running manual list on the PostgreSQL profile: kept in the launch record across a restart.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ManualScopeDurabilityTests(PostgresServer server, ITestOutputHelper output) : IDisposable
{
    private const string Btc = "0x5acadb52ea02aa987de72018ef523d80d5c17cca826575ffd570f50902ab33ae";
    private const string Eth = "0x955c321b6411bb6380997c90040e7153f1aad0062b8bcc75ad2dbc97f88d49a1";
    private readonly TestKeys _keys = new();

    [Fact]
    public async Task a_market_put_on_a_running_manual_list_is_still_there_after_a_restart()
    {
        var database = await server.CreateDatabaseAsync();
        var settings = new SiloSettings(database, _keys.Create("silo").Path, "manual-scope") { MigrateOnStart = true };
        var launch = JsonNode.Parse(await File.ReadAllTextAsync(Repo.Fixture("good/StrategyLaunch/momentum_on_crypto_cluster.json")))!.AsObject();
        launch["market_scope"] = new JsonObject { ["mode"] = "manual", ["market_ids"] = new JsonArray(Btc) };
        await using (var first = await TestSilo.StartAsync(settings, output))
        {
            using var http = Client(first);
            await Eventually.Get(() => first.Grains.GetGrain<IPortfolioGrain>("PORT-001").GetState(), "PORT-001 seeded by the replay service");
            Assert.Equal(HttpStatusCode.Created, (await http.PostAsJsonAsync("/api/v1/portfolios/PORT-001/strategies", launch)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await http.PutAsync($"/api/v1/strategies/momentum-crypto-1/markets/{Eth}", null)).StatusCode);
        }

        await using var second = await TestSilo.StartAsync(settings with { MigrateOnStart = false }, output);
        using var again = Client(second);
        var state = (await again.GetFromJsonAsync<JsonObject>("/api/v1/strategies/momentum-crypto-1"))!;
        Assert.Equal("running", state["status"]!.GetValue<string>());
        Assert.Equal([Btc, Eth], state["launch"]!["market_scope"]!["market_ids"]!.AsArray().Select(m => m!.GetValue<string>()));
        Assert.Equal([Btc, Eth], state["markets_in_scope"]!.AsArray().Select(m => m!.GetValue<string>()).Order(StringComparer.Ordinal));

        var audit = (await again.GetFromJsonAsync<JsonObject>("/api/v1/audit?portfolioId=PORT-001&reasonCode=STRAT_MARKET_IN_SCOPE"))!["items"]!.AsArray();
        Assert.Contains(audit, e => e!["payload"]!["market_id"]!.GetValue<string>() == Eth && e["payload"]!["cause"]!.GetValue<string>() == "manual_selection");
    }

    public void Dispose() => _keys.Dispose();

    private static HttpClient Client(TestSilo silo)
    {
        var http = new HttpClient { BaseAddress = silo.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new("Bearer", TestSilo.OperatorKey);
        return http;
    }
}
