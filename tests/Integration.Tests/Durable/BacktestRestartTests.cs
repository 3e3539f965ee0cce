using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Npgsql;
using Polytraders.Contracts;
using Polytraders.Grains.Backtest;
using Polytraders.Integration.Tests.Postgres;
using Xunit.Abstractions;

namespace Polytraders.Integration.Tests.Durable;

/// <summary>
/// A Backtest whose silo goes away mid-run, on PostgreSQL: after the restart the run starts again from the start and
/// completes as an uninterrupted run of the same request does, and its own chain holds each link once, with one
/// STRAT_BACKTEST_RESUMED link where the new attempt took over. Nobody has to call it for that: its reminder brings it
/// back (within a minute, Orleans' shortest reminder period), and goes once the run's end is stored.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class BacktestRestartTests(PostgresServer server, ITestOutputHelper output) : IDisposable
{
    private readonly TestKeys _keys = new();

    [Fact]
    public async Task a_backtest_whose_silo_is_killed_mid_run_completes_after_the_restart_as_an_uninterrupted_run_with_each_link_once()
    {
        var database = await server.CreateDatabaseAsync();
        using var migrate = ChildProcess.Start(Repo.SiloDll, ["migrate", "--connection", database.ConnectionString], []);
        Assert.True(await migrate.WaitForExitAsync(TimeSpan.FromSeconds(60)) == 0, migrate.Output);
        var settings = new SiloSettings(database, _keys.Create("silo").Path, "backtest-kill");

        var id = await OnSiloAsync(settings, "first silo", async http =>
        {
            var started = await StartAsync(http);
            await MidRunAsync(http, database, started);
            return started;
        });
        await OnSiloAsync(settings, "restarted silo", async http =>
        {
            await AssertResumedAsync(http, database, id);
            return id;
        });
    }

    [Fact]
    public async Task a_backtest_whose_silo_is_killed_mid_run_completes_after_the_restart_with_nobody_calling_it_and_its_reminder_goes()
    {
        var database = await server.CreateDatabaseAsync();
        var settings = new SiloSettings(database, _keys.Create("silo").Path, "backtest-wake") { MigrateOnStart = true };

        // The same request uninterrupted first, for the chain the resumed run must end with; then the run to kill.
        var (reference, id) = await OnSiloAsync(settings, "first silo", async http =>
        {
            var uninterrupted = await CompletedAsync(http, await StartAsync(http));
            var started = await StartAsync(http);
            await MidRunAsync(http, database, started);
            return (uninterrupted, started);
        });
        Assert.Equal(1L, await RemindersAsync(database, id));
        var expected = await ChainAsync(database, reference["backtest_id"]!.GetValue<string>());

        var restarted = System.Diagnostics.Stopwatch.StartNew();
        var run = await OnSiloAsync(settings with { MigrateOnStart = false }, "restarted silo", async http =>
        {
            // Nothing calls the backtest (no backtest route, no grain call): only its reminder can activate it again. It has
            // completed once its chain holds the uninterrupted run's links, ending with the same last one, plus the resume marker.
            await Eventually.True(
                async () => await LinksAsync(database, id) == expected.Count + 1,
                $"backtest {id} resumed to its last link without a caller",
                TimeSpan.FromMinutes(3));
            output.WriteLine($"the run's last link was stored {restarted.Elapsed.TotalSeconds:F0} s after the restart began");
            Assert.True(JsonNode.DeepEquals(Decision(expected[^1]), Decision((await ChainAsync(database, id))[^1])));

            // Its end stored, the run unregisters the reminder; only then is it read, once, over HTTP.
            await Eventually.True(async () => await RemindersAsync(database, id) == 0, $"backtest {id}'s reminder unregistered");
            return await RunAsync(http, id);
        });
        Assert.True(run["status"]!.GetValue<string>() == "completed", run.ToJsonString());
        Assert.Equal(reference["results"]!["decision_hash"]!.GetValue<string>(), run["results"]!["decision_hash"]!.GetValue<string>());
        Assert.Equal(reference["results"]!["events"]!.ToJsonString(), run["results"]!["events"]!.ToJsonString());
    }

    [Fact]
    public async Task a_backtest_whose_silo_stops_gracefully_mid_run_is_not_failed_and_completes_after_the_restart()
    {
        var database = await server.CreateDatabaseAsync();
        var settings = new SiloSettings(database, _keys.Create("silo").Path, "backtest-stop") { MigrateOnStart = true };

        string id;
        var first = await TestSilo.StartAsync(settings, output);
        try
        {
            using var http = Operator(new HttpClient { BaseAddress = first.BaseAddress });
            id = await StartAsync(http);
            await MidRunAsync(http, database, id);
        }
        finally
        {
            // The grain deactivates with its run running: the run stops and the state keeps it running.
            await first.StopAsync();
        }

        await using var second = await TestSilo.StartAsync(settings with { MigrateOnStart = false }, output);
        using var client = Operator(new HttpClient { BaseAddress = second.BaseAddress });
        await AssertResumedAsync(client, database, id);
    }

    public void Dispose() => _keys.Dispose();

    /// <summary>Runs <paramref name="work"/> against a silo process on the test's database, then kills it (SIGKILL) and logs its output.</summary>
    private async Task<T> OnSiloAsync<T>(SiloSettings settings, string name, Func<HttpClient, Task<T>> work)
    {
        using var silo = ChildProcess.Start(Repo.SiloDll, [], settings.ToEnvironment());
        try
        {
            using var http = Operator(await silo.ReadyAsync(settings.Url));
            return await work(http);
        }
        finally
        {
            silo.Kill();
            output.WriteLine($"--- {name}\n" + silo.Output);
        }
    }

    /// <summary>
    /// The sample request on the generated data set synthetic-20x60 (1.7 M one-minute prices): a few seconds of work that
    /// decides often enough for its chain to hold links before and after the restart.
    /// </summary>
    private static JsonObject Request()
    {
        var request = JsonNode.Parse(File.ReadAllText(Repo.Fixture("good/BacktestRequest/default_window_is_the_last_180_days.json")))!.AsObject();
        request["launch"]!["market_scope"] = new JsonObject { ["mode"] = "cluster", ["cluster_id"] = "synthetic" };
        request["launch"]!["parameters"]!["entry_threshold"] = 0.85;
        request["launch"]!["parameters"]!["exit_threshold"] = -0.9;
        request["data"]!["dataset"] = "synthetic-20x60";
        return request;
    }

    private static HttpClient Operator(HttpClient http)
    {
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestSilo.OperatorKey);
        return http;
    }

    private static async Task<string> StartAsync(HttpClient http)
    {
        var started = await http.PostAsJsonAsync("/api/v1/backtests", Request());
        var body = await started.Content.ReadAsStringAsync();
        Assert.True(started.StatusCode == System.Net.HttpStatusCode.Accepted, body);
        return JsonNode.Parse(body)!["backtest_id"]!.GetValue<string>();
    }

    /// <summary>Waits until the run is well under way, with links stored, and not finished: the moment to take the silo away.</summary>
    private async Task MidRunAsync(HttpClient http, PostgresDatabase database, string id)
    {
        var run = await Eventually.Get(
            async () =>
            {
                var current = await RunAsync(http, id);
                Assert.Contains(current["status"]!.GetValue<string>(), new[] { "queued", "running" });
                return current["progress_percent"]!.GetValue<decimal>() >= 15m && await LinksAsync(database, id) > 0 ? current : null;
            },
            "the backtest 15 % through with links stored",
            TimeSpan.FromSeconds(60));
        output.WriteLine($"taking the silo away at {run["progress_percent"]} %");
    }

    /// <summary>
    /// After the restart: the run completes with the results of an uninterrupted run of the same request, and its chain is
    /// that run's chain (same links in the same order, each once) with one STRAT_BACKTEST_RESUMED link where the new
    /// attempt took over, and it verifies.
    /// </summary>
    private async Task AssertResumedAsync(HttpClient http, PostgresDatabase database, string id)
    {
        var before = await ChainAsync(database, id);
        Assert.NotEmpty(before);
        Assert.DoesNotContain(before, e => e["payload"]!["kind"]!.GetValue<string>() == "stop");

        // Any call activates the grain again, and the activation runs it again (beside a fresh run of the same request).
        var fresh = await StartAsync(http);
        var resumed = await CompletedAsync(http, id);
        var uninterrupted = await CompletedAsync(http, fresh);
        foreach (var figure in new[] { "decision_hash", "decisions", "events", "total_pnl", "fills", "intents", "rejections" })
        {
            Assert.Equal(uninterrupted["results"]![figure]!.ToJsonString(), resumed["results"]![figure]!.ToJsonString());
        }

        var chain = await ChainAsync(database, id);
        var reference = await ChainAsync(database, uninterrupted["backtest_id"]!.GetValue<string>());
        output.WriteLine($"{before.Count} links before the restart, {chain.Count} after; the uninterrupted run has {reference.Count}");

        // The links stored before the restart are still there, unchanged, and the new attempt continues right after them.
        Assert.Equal(before.Select(e => e.ToJsonString()), chain.Take(before.Count).Select(e => e.ToJsonString()));
        var marker = chain[before.Count];
        Assert.Equal(ReasonCodes.StratBacktestResumed, marker["reason_code"]!.GetValue<string>());
        Assert.Equal("BACKTEST", marker["badge"]!.GetValue<string>());
        Assert.Contains($"re-derived {before.Count} decision link(s)", marker["payload"]!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Single(chain, e => e["reason_code"]!.GetValue<string>() == ReasonCodes.StratBacktestResumed);

        // Without the marker, the chain is the uninterrupted run's, link for link: nothing twice, nothing missing.
        var decisions = chain.Where(e => e != marker).ToList();
        Assert.Equal(reference.Count, decisions.Count);
        for (var i = 0; i < reference.Count; i++)
        {
            Assert.True(JsonNode.DeepEquals(Decision(reference[i]), Decision(decisions[i])), $"link {i + 1}: {reference[i]} / {decisions[i]}");
        }

        var verified = await http.GetFromJsonAsync<JsonObject>($"/api/v1/backtests/{id}/audit/verify");
        Assert.True(verified!["valid"]!.GetValue<bool>(), verified.ToJsonString());
        Assert.Equal(chain.Count, verified["checked"]!.GetValue<long>());
    }

    /// <summary>What a link says, without what ties it to its run and chain (ids, sequence, hashes).</summary>
    private static JsonObject Decision(JsonObject envelope) => new()
    {
        ["reason_code"] = envelope["reason_code"]!.DeepClone(),
        ["occurred_at"] = envelope["occurred_at"]!.DeepClone(),
        ["actor"] = envelope["actor"]!.DeepClone(),
        ["payload"] = envelope["payload"]!.DeepClone(),
    };

    private static async Task<JsonObject> CompletedAsync(HttpClient http, string id)
    {
        var run = await Eventually.Get(
            async () => await RunAsync(http, id) is var current && current["status"]!.GetValue<string>() is not ("queued" or "running") ? current : null,
            $"backtest {id} finished",
            TimeSpan.FromSeconds(120));
        Assert.True(run["status"]!.GetValue<string>() == "completed", run.ToJsonString());
        return run;
    }

    private static async Task<JsonObject> RunAsync(HttpClient http, string id) =>
        (await http.GetFromJsonAsync<JsonObject>($"/api/v1/backtests/{id}"))!;

    private static Task<long> LinksAsync(PostgresDatabase database, string id) =>
        database.ScalarAsync<long>($"SELECT count(*) FROM audit_envelope WHERE chain_id = '{id}'");

    /// <summary>The backtest's resume reminders in Orleans' reminders table (its grain id ends with the backtest id).</summary>
    private static Task<long> RemindersAsync(PostgresDatabase database, string id) =>
        database.ScalarAsync<long>($"SELECT count(*) FROM orleansreminderstable WHERE remindername = '{BacktestGrain.ResumeReminder}' AND grainid LIKE '%/{id}'");

    private static async Task<List<JsonObject>> ChainAsync(PostgresDatabase database, string id)
    {
        var chain = new List<JsonObject>();
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT body::text FROM audit_envelope WHERE chain_id = $1 ORDER BY sequence", connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = id });
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            chain.Add(JsonNode.Parse(reader.GetString(0))!.AsObject());
        }

        return chain;
    }
}
