using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Polytraders.Gateway.Tests;

/// <summary>Request bodies and response readers shared by the HTTP tests.</summary>
public static class Http
{
    public const string ProblemJson = "application/problem+json";

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static StringContent Json(JsonNode node) => Json(node.ToJsonString());

    /// <summary>A valid StrategyLaunch (manual scope over two replay markets).</summary>
    public static JsonObject Launch(string strategyId, string portfolioId, int marketCount = 2) => new()
    {
        ["strategy_id"] = strategyId,
        ["family"] = "momentum",
        ["version"] = "1.0.0",
        ["parameters"] = new JsonObject
        {
            ["fast_lookback"] = 5,
            ["slow_lookback"] = 20,
            ["entry_threshold"] = 0.3,
            ["exit_threshold"] = -0.1,
            ["take_profit"] = "0.05",
            ["max_holding_minutes"] = 240,
            ["order_size"] = "50",
        },
        ["market_scope"] = new JsonObject
        {
            ["mode"] = "manual",
            ["market_ids"] = new JsonArray(Enumerable.Range(0, marketCount).Select(i => (JsonNode?)MarketId(i)).ToArray()),
        },
        ["portfolio_id"] = portfolioId,
        ["mode"] = "paper",
    };

    /// <summary>Replay markets first (crypto, then politics), then synthetic ids.</summary>
    public static string MarketId(int index) => index < ReplayMarkets.Length ? ReplayMarkets[index] : $"0x{index:x64}";

    private static readonly string[] ReplayMarkets =
    [
        "0x5acadb52ea02aa987de72018ef523d80d5c17cca826575ffd570f50902ab33ae",
        "0x955c321b6411bb6380997c90040e7153f1aad0062b8bcc75ad2dbc97f88d49a1",
    ];

    public static async Task<JsonObject> ReadProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal(ProblemJson, response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(body)!.AsObject();
        Assert.Equal((int)status, problem["status"]!.GetValue<int>());
        return problem;
    }

    public static async Task<JsonNode> ReadJsonAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!;
    }

    public static string? ReasonCode(JsonObject problem) => problem["reason_code"]?.GetValue<string>();

    public static IReadOnlyList<(string Rule, string Path)> Violations(JsonObject problem) =>
        problem["violations"]?.AsArray().Select(v => (v!["rule"]!.GetValue<string>(), v["path"]!.GetValue<string>())).ToList() ?? [];

    public static HttpRequestMessage Post(string path, HttpContent? content = null) => new(HttpMethod.Post, path) { Content = content };

    public static MediaTypeHeaderValue MediaType(string value) => new(value);

    public static JsonElement Element(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
