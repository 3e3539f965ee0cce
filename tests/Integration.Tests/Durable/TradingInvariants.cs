using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Polytraders.Contracts;
using Polytraders.Integration.Tests.Postgres;
using Xunit.Abstractions;

namespace Polytraders.Integration.Tests.Durable;

/// <summary>
/// What must hold in a Portfolio's audit trail however its silos went away, checked from the database and through the
/// gateway once trading has stopped and recovery has run:
/// the chain is gapless and re-hashes; no client order id is signed twice (one EXEC_ORDER_SIGNED, one order hash) nor
/// submitted twice (at most one EXEC_ORDER_SUBMITTED, fills no larger than the order); every intent risk accepted
/// (RISK_APPROVED, RISK_RESHAPED) has exactly one terminal execution outcome; the Portfolio's positions are the sum of
/// the fills its trail records.
/// </summary>
/// <remarks>
/// The terminal outcomes, as ExecutionGrain writes them: the order's fills (EXEC_ORDER_FILLED, one or more), or one
/// closing envelope — a refusal payload (kind order_failed: EXEC_ORDER_UNFILLED, EXEC_ORDER_REJECTED_BY_VENUE, a signing
/// refusal, SEC_DEV_KEY_REFUSED_LIVE, ...) other than EXEC_VENUE_UNAVAILABLE, which leaves the order pending for a later
/// outcome — or EXEC_RECONCILED alone (a recovery that could not ask the venue). An EXEC_RECONCILED note before the
/// venue's answer is part of that answer's outcome, not a second one.
/// </remarks>
internal sealed class TradingInvariants(PostgresDatabase database, HttpClient gateway, ITestOutputHelper output)
{
    private const string Accepted = "coalesce(r.body->'payload'->'reshaped_intent'->>'client_order_id', r.body->'payload'->'intent'->>'client_order_id')";

    /// <summary>
    /// Waits until every accepted intent has its outcome, execution has nothing left to finish (an order's step, an
    /// envelope or a fill not yet delivered: a fill whose Portfolio was on a killed silo reaches it only when execution
    /// retries, once a minute) and the trails have stopped growing. Asking for the Portfolios keeps their risk grains
    /// active, whose timer re-sends what execution never acknowledged (once a minute).
    /// </summary>
    public async Task SettleAsync(TimeSpan deadline)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var waitedFor = 0;
        var previous = -1L;
        var stable = 0;
        while (stable < 3)
        {
            foreach (var chain in FleetTrading.Chains)
            {
                await FleetTrading.SendAsync(gateway, HttpMethod.Get, $"/api/v1/portfolios/{chain}", null);
            }

            var open = 0;
            foreach (var chain in FleetTrading.Chains)
            {
                open += (await OutcomesAsync(chain)).Count(o => o.Terminal != 1);
            }

            var pending = (await ExecutionRecords.ReadAsync(database)).Where(r => r.Value.Pending).Select(r => $"{r.Key} ({r.Value.Status})").ToList();
            open += pending.Count;
            waitedFor = Math.Max(waitedFor, pending.Count);
            var envelopes = await database.ScalarAsync<long>("SELECT count(*) FROM audit_envelope");
            stable = open == 0 && envelopes == previous ? stable + 1 : 0;
            previous = envelopes;
            if (started.Elapsed > deadline)
            {
                output.WriteLine($"not settled after {deadline.TotalSeconds:F0} s: {open} accepted intent(s) without exactly one outcome or execution record(s) pending: {string.Join(", ", pending)}");
                return;
            }

            await Task.Delay(500);
        }

        output.WriteLine($"settled after {started.Elapsed.TotalSeconds:F0} s (up to {waitedFor} execution record(s) were still pending)");
    }

    public async Task AssertAsync(string chain)
    {
        // Gapless and re-hashing, as the gateway's verification reads the whole chain.
        var count = await database.ScalarAsync<long>($"SELECT count(*) FROM audit_envelope WHERE chain_id = '{chain}'");
        Assert.Equal(count, await database.ScalarAsync<long>($"SELECT coalesce(max(sequence), 0) FROM audit_envelope WHERE chain_id = '{chain}'"));
        var verification = await (await FleetTrading.SendAsync(gateway, HttpMethod.Get, $"/api/v1/audit/verify?portfolioId={chain}", null)).Content.ReadFromJsonAsync<JsonObject>();
        Assert.True(verification!["valid"]!.GetValue<bool>(), verification.ToJsonString());
        Assert.Equal(count, verification["checked"]!.GetValue<long>());

        // Signed once: one EXEC_ORDER_SIGNED and one order hash per client order id.
        Assert.Empty(await AuditSql.ListAsync(database, $"""
            SELECT {AuditSql.ClientOrderId} || ': ' || count(*) || ' signed, ' || count(DISTINCT e.body->'payload'->'order'->>'order_hash') || ' hashes'
            FROM audit_envelope e WHERE e.chain_id = '{chain}' AND e.reason_code = '{ReasonCodes.ExecOrderSigned}'
            GROUP BY {AuditSql.ClientOrderId} HAVING count(*) > 1
            """));

        // Submitted once: at most one (recovery's) EXEC_ORDER_SUBMITTED, distinct fills adding up to no more than the order.
        Assert.Empty(await AuditSql.ListAsync(database, $"""
            SELECT {AuditSql.ClientOrderId} || ': ' || count(*) || ' submissions'
            FROM audit_envelope e WHERE e.chain_id = '{chain}' AND e.reason_code = '{ReasonCodes.ExecOrderSubmitted}'
            GROUP BY {AuditSql.ClientOrderId} HAVING count(*) > 1
            """));
        Assert.Empty(await AuditSql.ListAsync(database, $"""
            SELECT f.coid || ': filled ' || f.filled || ' of ' || s.size || ' in ' || f.fills || ' fill(s), ' || f.ids || ' distinct'
            FROM (SELECT {AuditSql.ClientOrderId} AS coid, sum((e.body->'payload'->'fill'->>'size')::numeric) AS filled,
                         count(*) AS fills, count(DISTINCT e.body->'payload'->'fill'->>'fill_id') AS ids
                  FROM audit_envelope e WHERE e.chain_id = '{chain}' AND e.reason_code = '{ReasonCodes.ExecOrderFilled}' GROUP BY 1) f
            JOIN (SELECT {Accepted} AS coid, max(coalesce(r.body->'payload'->'reshaped_intent'->>'size', r.body->'payload'->'intent'->>'size')::numeric) AS size
                  FROM audit_envelope r WHERE r.chain_id = '{chain}' AND r.body->'payload'->>'kind' IN ('risk_approved', 'risk_reshaped') GROUP BY 1) s ON s.coid = f.coid
            WHERE f.fills <> f.ids OR f.filled > s.size
            """));

        // Exactly one terminal outcome per accepted intent.
        var outcomes = await OutcomesAsync(chain);
        Assert.All(outcomes, o => Assert.True(o.Terminal == 1, $"{chain} {o.ClientOrderId}: {o.Terminal} terminal outcome(s): {o.Codes}"));

        // Positions are the fills: per token, bought minus sold.
        var fills = new Dictionary<string, decimal>(StringComparer.Ordinal);
        await foreach (var row in AuditSql.RowsAsync(database, $"""
            SELECT e.body->'payload'->'fill'->>'token_id',
                   sum(CASE WHEN upper(e.body->'payload'->'fill'->>'side') = 'BUY' THEN 1 ELSE -1 END * (e.body->'payload'->'fill'->>'size')::numeric)
            FROM audit_envelope e WHERE e.chain_id = '{chain}' AND e.reason_code = '{ReasonCodes.ExecOrderFilled}' GROUP BY 1
            """))
        {
            fills[(string)row[0]!] = (decimal)row[1]!;
        }

        var portfolio = await (await FleetTrading.SendAsync(gateway, HttpMethod.Get, $"/api/v1/portfolios/{chain}", null)).Content.ReadFromJsonAsync<JsonObject>();
        var positions = portfolio!["positions"]!.AsArray().ToDictionary(
            p => p!["token_id"]!.GetValue<string>(),
            p => decimal.Parse(p!["size"]!.ToString(), NumberStyles.Number, CultureInfo.InvariantCulture),
            StringComparer.Ordinal);
        var filled = string.Join(", ", fills.Where(f => f.Value != 0).OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}={f.Value:0.######}"));
        var held = string.Join(", ", positions.Where(p => p.Value != 0).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value:0.######}"));
        Assert.True(filled == held, $"{chain}: positions [{held}] are not the fills in the trail [{filled}]");

        var signed = await database.ScalarAsync<long>($"SELECT count(*) FROM audit_envelope WHERE chain_id = '{chain}' AND reason_code = '{ReasonCodes.ExecOrderSigned}'");
        output.WriteLine($"{chain}: {count} envelopes verified, {outcomes.Count} accepted intents each with one outcome, {signed} orders signed once, {fills.Count} token position(s) equal to the fills");
    }

    /// <summary>Per accepted intent: how many terminal outcomes execution wrote, and the codes it wrote for it.</summary>
    private async Task<List<(string ClientOrderId, long Terminal, string Codes)>> OutcomesAsync(string chain)
    {
        var outcomes = new List<(string, long, string)>();
        await foreach (var row in AuditSql.RowsAsync(database, $"""
            WITH accepted AS (
                SELECT DISTINCT {Accepted} AS coid FROM audit_envelope r
                WHERE r.chain_id = '{chain}' AND r.body->'payload'->>'kind' IN ('risk_approved', 'risk_reshaped')),
            executed AS (
                SELECT {AuditSql.ClientOrderId} AS coid, e.reason_code, e.body->'payload'->>'kind' AS kind, e.sequence
                FROM audit_envelope e WHERE e.chain_id = '{chain}' AND e.body->>'actor' = 'execution')
            SELECT a.coid,
                   count(*) FILTER (WHERE x.kind = 'order_failed' AND x.reason_code <> '{ReasonCodes.ExecVenueUnavailable}')
                     + CASE WHEN count(*) FILTER (WHERE x.reason_code = '{ReasonCodes.ExecOrderFilled}') > 0 THEN 1 ELSE 0 END AS answered,
                   count(*) FILTER (WHERE x.reason_code = '{ReasonCodes.ExecReconciled}') AS reconciled,
                   coalesce(string_agg(x.reason_code, ' ' ORDER BY x.sequence), '(none)')
            FROM accepted a LEFT JOIN executed x ON x.coid = a.coid
            GROUP BY a.coid
            """))
        {
            var answered = (long)row[1]!;
            var reconciled = (long)row[2]!;
            outcomes.Add(((string)row[0]!, answered > 0 ? answered + Math.Max(0, reconciled - 1) : reconciled, (string)row[3]!));
        }

        return outcomes;
    }
}
