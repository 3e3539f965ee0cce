using System.Net;
using System.Text.Json.Nodes;

namespace Polytraders.Gateway.Tests;

/// <summary>Backtest requests the HTTP tests start, and a poll that waits for a run to leave queued/running.</summary>
public static class BacktestRequests
{
    /// <summary>The decision hash the golden Backtest of tests/Core.Tests pins for the sample request.</summary>
    public const string SampleCryptoHash = "5dca4455961ebccc6fc9e66c5571d70671386db32cf87be09a424bacfbab5bff";

    /// <summary>The good fixture the contract tests check: momentum-crypto-1 on the crypto Cluster of the sample data set.</summary>
    public static JsonObject Sample() => JsonNode.Parse(File.ReadAllText(SamplePath()))!.AsObject();

    /// <summary>
    /// A run that takes seconds, not milliseconds: the sample's launch on the generated data set synthetic-50x180 (about
    /// 13 M one-minute prices), with thresholds so far out that it decides rarely and its chain stays short.
    /// </summary>
    public static JsonObject Long()
    {
        var request = Sample();
        request["launch"]!["market_scope"] = new JsonObject { ["mode"] = "cluster", ["cluster_id"] = "synthetic" };
        request["launch"]!["parameters"]!["entry_threshold"] = 0.95;
        request["launch"]!["parameters"]!["exit_threshold"] = -0.9;
        request["data"]!["dataset"] = "synthetic-50x180";
        return request;
    }

    public static string SamplePath() => Path.Combine(Repo(), "fixtures", "good", "BacktestRequest", "default_window_is_the_last_180_days.json");

    public static string DataRoot() => Path.Combine(Repo(), "fixtures", "backtest");

    /// <summary>Starts <paramref name="request"/> and returns the new run's id.</summary>
    public static async Task<string> StartAsync(HttpClient client, JsonObject request)
    {
        var started = await client.PostAsync("/api/v1/backtests", Http.Json(request));
        return (await Http.ReadJsonAsync(started, HttpStatusCode.Accepted))["backtest_id"]!.GetValue<string>();
    }

    /// <summary>The run once it is no longer queued or running (or as it is after 60 s), checking every answer is badged.</summary>
    public static async Task<JsonObject> PollAsync(HttpClient client, string id)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var run = (await Http.ReadJsonAsync(await client.GetAsync($"/api/v1/backtests/{id}"), HttpStatusCode.OK)).AsObject();
            Assert.Equal("BACKTEST", run["badge"]!.GetValue<string>());
            if (run["status"]!.GetValue<string>() is not ("queued" or "running") || DateTime.UtcNow > deadline)
            {
                return run;
            }

            await Task.Delay(50);
        }
    }

    /// <summary>The run's whole audit chain, oldest first.</summary>
    public static async Task<JsonArray> ChainAsync(HttpClient client, string id) =>
        (await Http.ReadJsonAsync(await client.GetAsync($"/api/v1/backtests/{id}/audit?limit=1000"), HttpStatusCode.OK))["items"]!.AsArray();

    private static string Repo()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (Directory.Exists(Path.Combine(directory.FullName, "fixtures", "backtest")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("fixtures/backtest not found above " + AppContext.BaseDirectory);
    }
}
