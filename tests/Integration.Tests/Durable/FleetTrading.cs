using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Polytraders.Integration.Tests.Postgres;

namespace Polytraders.Integration.Tests.Durable;

/// <summary>
/// Two Strategies trading on a fleet, launched and stopped through the standalone gateway, and how long their trading
/// pauses when a silo goes away: per Portfolio, the time from the event to the next envelope its Strategy appends to
/// the audit trail (a signal or an intent). Momentum signals come at zone crossings, a few a second per Strategy at the
/// replay pace the fleet tests use, so that time is the pause plus at most a moment.
/// </summary>
internal sealed class FleetTrading(PostgresDatabase database)
{
    /// <summary>
    /// The good StrategyLaunch fixtures: the crypto cluster on PORT-001, and the politics markets on PORT-002 — in paper
    /// mode, because the fixture's limited_live is refused at launch until the class reaches that rung of its mode ladder
    /// (GOV_LAUNCH_ABOVE_RUNG; the development key every test silo signs with leaves it unmet), and these tests need both
    /// Portfolios to trade.
    /// </summary>
    public static readonly IReadOnlyList<(string Portfolio, string Strategy, string Fixture, string? Mode)> Launches =
    [
        ("PORT-001", "momentum-crypto-1", "good/StrategyLaunch/momentum_on_crypto_cluster.json", null),
        ("PORT-002", "momentum-politics-1", "good/StrategyLaunch/momentum_on_politics_manual_scope_limited_live.json", "paper"),
    ];

    public static IReadOnlyList<string> Chains { get; } = [.. Launches.Select(l => l.Portfolio)];

    public static async Task LaunchAsync(HttpClient gateway)
    {
        foreach (var (portfolio, _, fixture, mode) in Launches)
        {
            var launch = JsonNode.Parse(await File.ReadAllTextAsync(Repo.Fixture(fixture)))!.AsObject();
            if (mode is not null)
            {
                launch["mode"] = mode;
            }

            var answer = await SendAsync(gateway, HttpMethod.Post, $"/api/v1/portfolios/{portfolio}/strategies", launch.ToJsonString());
            Assert.True(answer.IsSuccessStatusCode, $"launch on {portfolio}: {(int)answer.StatusCode} {await answer.Content.ReadAsStringAsync()}");
        }
    }

    public static async Task StopAsync(HttpClient gateway)
    {
        foreach (var (_, strategy, _, _) in Launches)
        {
            var answer = await SendAsync(gateway, HttpMethod.Post, $"/api/v1/strategies/{strategy}/stop", null);
            Assert.True(answer.IsSuccessStatusCode, $"stop {strategy}: {(int)answer.StatusCode} {await answer.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>A gateway call, again while the gateway answers 503 (the cluster is failing over under it).</summary>
    public static async Task<HttpResponseMessage> SendAsync(HttpClient gateway, HttpMethod method, string path, string? json) =>
        await Eventually.Get(async () =>
        {
            using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
            if (json is not null)
            {
                request.Content = new StringContent(json, Encoding.UTF8, "application/json");
            }

            var answer = await gateway.SendAsync(request);
            return answer.StatusCode == HttpStatusCode.ServiceUnavailable ? null : answer;
        }, $"{method} {path} answered by the gateway without 503", TimeSpan.FromSeconds(120));

    /// <summary>Envelopes each Strategy has appended so far, by Portfolio.</summary>
    public async Task<Dictionary<string, long>> StrategyEnvelopesAsync()
    {
        var counts = Chains.ToDictionary(c => c, _ => 0L, StringComparer.Ordinal);
        await foreach (var row in AuditSql.RowsAsync(database, $"""
            SELECT chain_id, count(*) FROM audit_envelope
            WHERE chain_id IN ({string.Join(", ", Chains.Select(c => $"'{c}'"))}) AND body->>'actor' = 'strategy'
            GROUP BY chain_id
            """))
        {
            counts[(string)row[0]!] = (long)row[1]!;
        }

        return counts;
    }

    /// <summary>
    /// Waits until every Strategy has appended an envelope beyond <paramref name="before"/>; the time since
    /// <paramref name="since"/> started then, or null if that did not happen within <paramref name="deadline"/>.
    /// <paramref name="watch"/> runs on every poll (e.g. to fail at once when a silo exits on its own).
    /// </summary>
    public async Task<TimeSpan?> ResumedAsync(IReadOnlyDictionary<string, long> before, Stopwatch since, TimeSpan deadline, Action watch)
    {
        while (since.Elapsed < deadline)
        {
            watch();
            var now = await StrategyEnvelopesAsync();
            if (now.All(c => c.Value > before[c.Key]))
            {
                return since.Elapsed;
            }

            await Task.Delay(100);
        }

        return null;
    }
}
