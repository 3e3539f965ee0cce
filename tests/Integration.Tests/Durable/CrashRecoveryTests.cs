using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Npgsql;
using Polytraders.Contracts;
using Polytraders.Grains.Execution;
using Polytraders.Integration.Tests.Postgres;
using Xunit.Abstractions;

namespace Polytraders.Integration.Tests.Durable;

/// <summary>
/// The real silo program, killed (SIGKILL) in the middle of a fast replay with a strategy trading, then started again
/// on the same database: nothing the silo accepted is lost, nothing is submitted twice, and the audit chain holds.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class CrashRecoveryTests(PostgresServer server, ITestOutputHelper output) : IDisposable
{
    private const string Chain = "PORT-001";
    private const int SignedBeforeKill = 12;

    /// <summary>What execution may end an order with (after EXEC_ORDER_SIGNED).</summary>
    private static readonly string[] Outcomes =
    [
        ReasonCodes.ExecOrderFilled, ReasonCodes.ExecOrderUnfilled, ReasonCodes.ExecOrderRejectedByVenue,
        ReasonCodes.ExecReconciled, ReasonCodes.ExecVenueUnavailable,
    ];

    private readonly TestKeys _keys = new();

    [Fact]
    public async Task a_silo_killed_mid_replay_loses_no_accepted_intent_or_envelope_and_submits_no_order_twice()
    {
        var database = await server.CreateDatabaseAsync();
        using var migrate = ChildProcess.Start(Repo.SiloDll, ["migrate", "--connection", database.ConnectionString], []);
        Assert.True(await migrate.WaitForExitAsync(TimeSpan.FromSeconds(60)) == 0, migrate.Output);
        var settings = new SiloSettings(database, _keys.Create("silo").Path, "crash") { ReplayEnabled = true, ReplayStepMilliseconds = 10 };

        using (var first = ChildProcess.Start(Repo.SiloDll, [], settings.ToEnvironment()))
        {
            try
            {
                using var http = await first.ReadyAsync(settings.Url);
                using var body = new StringContent(await File.ReadAllTextAsync(Repo.Fixture("good/StrategyLaunch/momentum_on_crypto_cluster.json")), Encoding.UTF8, "application/json");
                http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestSilo.OperatorKey);
                var launched = await http.PostAsync(new Uri("/api/v1/portfolios/PORT-001/strategies", UriKind.Relative), body);
                Assert.True(launched.IsSuccessStatusCode, await launched.Content.ReadAsStringAsync());

                // Kill as soon as an order is seen between EXEC_ORDER_SIGNED and its outcome (the venue has or is about to
                // have it); failing that, after a few orders. Either way the kill lands mid-replay, wherever it lands.
                var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
                while (true)
                {
                    if (await UnfinishedAsync(database) is { Count: > 0 } inFlight)
                    {
                        first.Kill();
                        output.WriteLine($"killed with order(s) in flight: {string.Join(", ", inFlight)}");
                        break;
                    }

                    if (await SignedAsync(database) >= SignedBeforeKill)
                    {
                        first.Kill();
                        output.WriteLine("killed between orders");
                        break;
                    }

                    Assert.False(first.HasExited, first.Output);
                    Assert.True(DateTime.UtcNow < deadline, $"fewer than {SignedBeforeKill} orders signed in 90 s");
                }
            }
            finally
            {
                first.Kill();
                output.WriteLine("--- first silo\n" + first.Output);
            }
        }

        var before = await SnapshotAsync(database);
        output.WriteLine($"killed with {before}");

        // Restarted without the replay: what happens now is only recovery.
        using (var second = ChildProcess.Start(Repo.SiloDll, [], (settings with { ReplayEnabled = false }).ToEnvironment()))
        {
            try
            {
                using var http = await second.ReadyAsync(settings.Url);
                var after = await SettledAsync(database);
                output.WriteLine($"after recovery {after}");

                // No envelope lost: what was there is still there, and the chain is gapless and re-hashes.
                Assert.True(after.Envelopes >= before.Envelopes);
                Assert.Equal(after.Envelopes, after.MaxSequence);
                using var verify = ChildProcess.Start(Repo.SiloDll, ["verify-chain", "--portfolio", Chain, "--connection", database.ConnectionStringFor(SiloSettings.AppRole)], []);
                Assert.True(await verify.WaitForExitAsync(TimeSpan.FromSeconds(60)) == 0, verify.Output);
                Assert.Contains($"{after.Envelopes} envelopes verified", verify.Output, StringComparison.Ordinal);

                var executed = await ListAsync(database, $$"""
                    SELECT DISTINCT {{ClientOrderId}} FROM audit_envelope e WHERE e.chain_id = '{{Chain}}' AND e.body->>'actor' = 'execution'
                    """);

                // No client order id signed (and so submitted) twice.
                Assert.Empty(await ListAsync(database, """
                    SELECT body->'payload'->'order'->>'client_order_id' FROM audit_envelope
                    WHERE chain_id = 'PORT-001' AND reason_code = 'EXEC_ORDER_SIGNED'
                    GROUP BY 1 HAVING count(*) > 1
                    """));

                // No accepted intent lost: every record the execution grain holds is final, and each signed one was
                // audited as signed exactly once.
                var execution = await ExecutionRecords.ReadAsync(database);
                Assert.All(execution, r => Assert.False(r.Value.Pending, $"{r.Key} left {r.Value.Status}"));
                var signedOnce = await ListAsync(database, $$"""
                    SELECT {{ClientOrderId}} FROM audit_envelope e WHERE e.chain_id = '{{Chain}}' AND e.reason_code = '{{ReasonCodes.ExecOrderSigned}}'
                    """);
                Assert.Equal(execution.Where(r => r.Value.Signed).Select(r => r.Key).Order(), signedOnce.Order());
                Assert.All(execution.Keys, coid => Assert.Contains(coid, executed));

                // No approved intent lost between risk and execution: risk keeps what execution has not acknowledged
                // and re-sends it when it activates again.
                Assert.Empty(await ApprovedButNotExecutedAsync(database));
                output.WriteLine($"{execution.Count} execution records, all final");
            }
            finally
            {
                second.Kill();
                output.WriteLine("--- restarted silo\n" + second.Output);
            }
        }
    }

    public void Dispose() => _keys.Dispose();

    private static Task<long> SignedAsync(PostgresDatabase database) =>
        database.ScalarAsync<long>($"SELECT count(*) FROM audit_envelope WHERE chain_id = '{Chain}' AND reason_code = '{ReasonCodes.ExecOrderSigned}'");

    private const string ClientOrderId = AuditSql.ClientOrderId;

    /// <summary>Signed orders without an outcome envelope yet.</summary>
    private static Task<List<string>> UnfinishedAsync(PostgresDatabase database) => ListAsync(database, $$"""
        SELECT {{ClientOrderId}} FROM audit_envelope e WHERE e.chain_id = '{{Chain}}' AND e.reason_code = '{{ReasonCodes.ExecOrderSigned}}'
        EXCEPT
        SELECT {{ClientOrderId}} FROM audit_envelope e WHERE e.chain_id = '{{Chain}}' AND e.reason_code IN ({{string.Join(", ", Outcomes.Select(c => $"'{c}'"))}})
        """);

    /// <summary>
    /// Waits until recovery is over: every signed order has an outcome, no execution record is pending, and the trail
    /// has stopped growing (fills reach risk and the strategy one-way, and they may still audit what they do).
    /// </summary>
    private static async Task<Snapshot> SettledAsync(PostgresDatabase database)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(45);
        Snapshot? previous = null;
        var stable = 0;
        while (true)
        {
            var current = await SnapshotAsync(database);
            var settled = (await UnfinishedAsync(database)).Count == 0
                && (await ExecutionRecords.ReadAsync(database)).Values.All(r => !r.Pending)
                && (await ApprovedButNotExecutedAsync(database)).Count == 0;
            stable = settled && current == previous ? stable + 1 : 0;
            if (stable >= 3)
            {
                return current;
            }

            if (DateTime.UtcNow > deadline)
            {
                var pending = (await ExecutionRecords.ReadAsync(database)).Where(r => r.Value.Pending).Select(r => $"{r.Key} ({r.Value.Status})");
                Assert.Fail($"recovery did not settle in 45 s: {current}, unfinished [{string.Join(", ", await UnfinishedAsync(database))}], "
                    + $"execution records pending [{string.Join(", ", pending)}], approved but not executed [{string.Join(", ", await ApprovedButNotExecutedAsync(database))}]");
            }

            previous = current;
            await Task.Delay(300);
        }
    }

    /// <summary>Intents risk approved (or reshaped) that execution never audited anything about.</summary>
    private static Task<List<string>> ApprovedButNotExecutedAsync(PostgresDatabase database) => ListAsync(database, $$"""
        SELECT coalesce(r.body->'payload'->'reshaped_intent'->>'client_order_id', r.body->'payload'->'intent'->>'client_order_id')
        FROM audit_envelope r
        WHERE r.chain_id = '{{Chain}}' AND r.body->'payload'->>'kind' IN ('risk_approved', 'risk_reshaped')
        EXCEPT
        SELECT {{ClientOrderId}} FROM audit_envelope e WHERE e.chain_id = '{{Chain}}' AND e.body->>'actor' = 'execution'
        """);

    private static async Task<Snapshot> SnapshotAsync(PostgresDatabase database)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"""
            SELECT count(*), coalesce(max(sequence), 0),
                   count(*) FILTER (WHERE reason_code = '{ReasonCodes.ExecOrderSigned}'),
                   count(*) FILTER (WHERE reason_code = '{ReasonCodes.ExecOrderFilled}'),
                   count(*) FILTER (WHERE reason_code IN ('{ReasonCodes.ExecReconciled}', '{ReasonCodes.ExecOrderSubmitted}'))
            FROM audit_envelope WHERE chain_id = '{Chain}'
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new Snapshot(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4));
    }

    private static Task<List<string>> ListAsync(PostgresDatabase database, string sql) => AuditSql.ListAsync(database, sql);

    private sealed record Snapshot(long Envelopes, long MaxSequence, long Signed, long Filled, long Recovered);
}
