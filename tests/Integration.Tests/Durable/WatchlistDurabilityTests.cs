using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Polytraders.Integration.Tests.Postgres;
using Xunit.Abstractions;

namespace Polytraders.Integration.Tests.Durable;

/// <summary>Watchlists on the PostgreSQL profile, through the gateway: stored as grain state, kept across a restart.</summary>
[Collection(PostgresCollection.Name)]
public sealed class WatchlistDurabilityTests(PostgresServer server, ITestOutputHelper output) : IDisposable
{
    private const string Btc = "0x5acadb52ea02aa987de72018ef523d80d5c17cca826575ffd570f50902ab33ae";
    private readonly TestKeys _keys = new();

    [Fact]
    public async Task an_operator_s_watchlist_is_stored_in_postgres_and_read_back_after_a_restart()
    {
        var database = await server.CreateDatabaseAsync();
        var settings = new SiloSettings(database, _keys.Create("silo").Path, "watchlists") { MigrateOnStart = true };
        string id;
        await using (var first = await TestSilo.StartAsync(settings, output))
        {
            using var http = Client(first);
            var created = await http.PostAsJsonAsync("/api/v1/watchlists", new JsonObject { ["name"] = "Kept", ["market_ids"] = new JsonArray(Btc) });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            id = (await created.Content.ReadFromJsonAsync<JsonObject>())!["watchlist_id"]!.GetValue<string>();
            Assert.Equal(HttpStatusCode.OK, (await http.PatchAsJsonAsync($"/api/v1/watchlists/{id}", new JsonObject { ["name"] = "Kept (renamed)" })).StatusCode);
        }

        Assert.Equal(1L, await database.ScalarAsync<long>("SELECT count(*) FROM OrleansStorage WHERE GrainTypeString = 'watchlists'"));

        await using var second = await TestSilo.StartAsync(settings with { MigrateOnStart = false }, output);
        using var again = Client(second);
        var view = (await again.GetFromJsonAsync<JsonObject>($"/api/v1/watchlists/{id}"))!;
        Assert.Equal("Kept (renamed)", view["watchlist"]!["name"]!.GetValue<string>());
        Assert.Equal(Btc, view["markets"]![0]!["market"]!["market_id"]!.GetValue<string>());
    }

    public void Dispose() => _keys.Dispose();

    private static HttpClient Client(TestSilo silo)
    {
        var http = new HttpClient { BaseAddress = silo.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new("Bearer", TestSilo.OperatorKey);
        return http;
    }
}
