using System.Globalization;
using Polytraders.Contracts;
using Polytraders.Integration.Tests.Postgres;
using Polytraders.Silo;
using Polytraders.Silo.Postgres;
using Polytraders.Trading.Audit;
using Xunit.Abstractions;

namespace Polytraders.Integration.Tests.Durable;

/// <summary>The audit store on a real database, connected as the silo's role, and the verify-chain command.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresAuditStoreTests(PostgresServer server, ITestOutputHelper output)
{
    [Fact]
    public async Task a_stored_chain_reads_back_and_re_hashes_to_the_same_hashes()
    {
        var (database, store) = await StoreAsync();
        await using var _ = store;
        var context = AuditSamples.Context("PORT-001");
        var chain = AuditSamples.Seal(Enumerable.Range(0, 5).Select(i => AuditSamples.Draft(context, ReasonCodes.StratMomentumLong, i,
            detail: i == 2 ? "quotes \" <tags> & émojis 🚀 \\ and \u0001 control" : "ok")));
        foreach (var envelope in chain)
        {
            await store.AppendAsync("PORT-001", [envelope], CancellationToken.None);
        }

        var read = await store.ReadChainAsync("PORT-001", 0, 100, CancellationToken.None);

        Assert.Equal(Json(chain), Json(read));
        Assert.All(read, e => Assert.Equal(e.Hash, AuditChain.HashOf(e)));
        Assert.True(AuditChain.Verify("PORT-001", read).Valid);
        Assert.Equal(Json([chain[^1]]), Json([(await store.GetHeadAsync("PORT-001", CancellationToken.None))!]));
        Assert.Equal(Json([chain[2]]), Json([(await store.GetAsync("PORT-001", chain[2].EnvelopeId, CancellationToken.None))!]));
        Assert.Null(await store.GetAsync("PORT-002", chain[2].EnvelopeId, CancellationToken.None));
        Assert.Equal(Json(chain[3..]), Json(await store.ReadChainAsync("PORT-001", 3, 100, CancellationToken.None)));
        Assert.Equal("jsonb", await database.ScalarAsync<string>("SELECT pg_typeof(body)::text FROM audit_envelope LIMIT 1"));
    }

    [Fact]
    public async Task a_tenant_governance_chain_without_a_portfolio_is_stored_and_verifies()
    {
        var (_, store) = await StoreAsync();
        await using var _ = store;
        var chainId = AuditChains.Governance("TEN-DESK");
        var chain = AuditSamples.Seal(Enumerable.Range(0, 3).Select(i => AuditSamples.Draft(AuditSamples.Context("PORT-001"), ReasonCodes.GovGateItemAttested, i) with
        {
            PortfolioId = null,
            StrategyId = null,
            LaunchId = null,
            Mode = AuditEnvelopeMode.Governance,
            Payload = new AuditPayload { Kind = AuditPayloadKind.Governance, Detail = $"item {i}", Ladder = new LadderEvent { Class = BotClass.Momentum, Rung = ModeRung.DemoWired } },
        }));
        await store.AppendAsync(chainId, chain, CancellationToken.None);

        var read = await store.ReadChainAsync(chainId, 0, 10, CancellationToken.None);

        Assert.Equal(Json(chain), Json(read));
        Assert.All(read, e => Assert.Null(e.PortfolioId));
        Assert.True(AuditChain.Verify(chainId, read).Valid);
    }

    [Fact]
    public async Task a_taken_sequence_is_a_conflict_and_a_stored_envelope_id_is_a_duplicate()
    {
        var (_, store) = await StoreAsync();
        await using var _ = store;
        var chain = AuditSamples.Seal([AuditSamples.Draft(AuditSamples.Context("PORT-001"), ReasonCodes.StratMomentumLong, 0)]);
        await store.AppendAsync("PORT-001", [chain[0]], CancellationToken.None);

        var rival = AuditChain.Seal(AuditSamples.Draft(AuditSamples.Context("PORT-001"), ReasonCodes.StratMomentumLong, 1), 1, AuditChain.GenesisHash);
        var conflict = await Assert.ThrowsAsync<AuditConflictException>(() => store.AppendAsync("PORT-001", [rival], CancellationToken.None));
        Assert.Equal(1, conflict.Sequence);

        var again = AuditChain.Seal(chain[0], 2, chain[0].Hash);
        await Assert.ThrowsAsync<AuditDuplicateEnvelopeException>(() => store.AppendAsync("PORT-001", [again], CancellationToken.None));
    }

    [Fact]
    public async Task a_batch_is_stored_whole_or_not_at_all()
    {
        var (_, store) = await StoreAsync();
        await using var _ = store;
        var context = AuditSamples.Context("PORT-001");
        var chain = AuditSamples.Seal([.. Enumerable.Range(0, 4).Select(i => AuditSamples.Draft(context, ReasonCodes.StratSignal, i))]);
        await store.AppendAsync("PORT-001", [chain[0]], CancellationToken.None);

        // The second link of this batch repeats a stored id: the first (a valid next link) is not kept either.
        var clash = AuditChain.Seal(chain[0], 3, chain[1].Hash);
        var duplicate = await Assert.ThrowsAsync<AuditDuplicateEnvelopeException>(() => store.AppendAsync("PORT-001", [chain[1], clash], CancellationToken.None));
        Assert.Equal(chain[0].EnvelopeId, duplicate.EnvelopeId);
        Assert.Equal(chain[0].Sequence, (await store.GetHeadAsync("PORT-001", CancellationToken.None))!.Sequence);

        await store.AppendAsync("PORT-001", [.. chain.Skip(1)], CancellationToken.None);
        var stored = await store.ReadChainAsync("PORT-001", 0, 10, CancellationToken.None);
        Assert.Equal(chain.Select(e => e.Hash), stored.Select(e => e.Hash));
        Assert.True(AuditChain.Verify("PORT-001", stored).Valid);
    }

    [Fact]
    public async Task reviewer_queries_filter_on_indexed_columns_and_page_oldest_first_without_backtests()
    {
        var (_, store) = await StoreAsync();
        await using var _ = store;
        var one = AuditSamples.Context("PORT-001", "momentum-crypto-1", "LCH-A");
        var two = AuditSamples.Context("PORT-002", "momentum-politics-1", "LCH-B");
        // Interleaved in time across two chains, with two reason codes.
        var chainOne = AuditSamples.Seal(Enumerable.Range(0, 12).Select(i => AuditSamples.Draft(one, i % 3 == 0 ? ReasonCodes.StratSignal : ReasonCodes.StratMomentumLong, 2 * i)));
        var chainTwo = AuditSamples.Seal(Enumerable.Range(0, 12).Select(i => AuditSamples.Draft(two, ReasonCodes.StratMomentumLong, (2 * i) + 1)));
        var backtest = AuditSamples.Seal(Enumerable.Range(0, 4).Select(i => AuditSamples.Draft(one, ReasonCodes.StratSignal, i) with
        {
            Mode = AuditEnvelopeMode.Backtest,
            Badge = Badge.Backtest,
            BacktestId = "BT-1",
        }));
        foreach (var (chainId, envelope) in chainOne.Select(e => ("PORT-001", e)).Concat(chainTwo.Select(e => ("PORT-002", e))).Concat(backtest.Select(e => ("BT-1", e))))
        {
            await store.AppendAsync(chainId, [envelope], CancellationToken.None);
        }

        var live = chainOne.Concat(chainTwo).OrderBy(e => e.OccurredAt).ToList();
        Assert.Equal(Json(live), await ReadAllJsonAsync(store, new AuditQuery { Limit = 5 }));
        Assert.Equal(Json(chainOne), await ReadAllJsonAsync(store, new AuditQuery { PortfolioId = "PORT-001", Limit = 4 }));
        Assert.Equal(Json(chainTwo), await ReadAllJsonAsync(store, new AuditQuery { StrategyId = "momentum-politics-1", Limit = 7 }));
        Assert.Equal(Json(chainOne), await ReadAllJsonAsync(store, new AuditQuery { LaunchId = "LCH-A", Limit = 100 }));
        Assert.Equal(Json(chainOne.Where(e => e.ReasonCode == ReasonCodes.StratSignal)), await ReadAllJsonAsync(store, new AuditQuery { ReasonCode = ReasonCodes.StratSignal, Limit = 2 }));
        var since = AuditSamples.Start.AddMinutes(5);
        var until = AuditSamples.Start.AddMinutes(11);
        Assert.Equal(Json(live.Where(e => e.OccurredAt >= since && e.OccurredAt < until)), await ReadAllJsonAsync(store, new AuditQuery { Since = since, Until = until, Limit = 3 }));
        Assert.Empty((await store.QueryAsync(new AuditQuery { PortfolioId = "PORT-003" }, CancellationToken.None)).Items);

        // The backtest keeps its own chain on the same portfolio and never shows in a live query.
        Assert.True(AuditChain.Verify("BT-1", await store.ReadChainAsync("BT-1", 0, 100, CancellationToken.None)).Valid);
        Assert.Equal(4, (await store.ReadChainAsync("BT-1", 0, 100, CancellationToken.None)).Count);
    }

    [Theory]
    [InlineData("not-a-cursor")]
    [InlineData("djF8MTIzfG5vdC1hLWd1aWQ")]
    public async Task a_cursor_the_store_did_not_hand_out_is_a_format_error(string cursor)
    {
        var (_, store) = await StoreAsync();
        await using var _ = store;

        await Assert.ThrowsAsync<FormatException>(() => store.QueryAsync(new AuditQuery { Cursor = cursor }, CancellationToken.None));
    }

    [Theory]
    [InlineData("body = jsonb_set(body, '{actor}', '\"mallory\"')")]
    [InlineData("reason_code = 'STRAT_SIGNAL'")]
    [InlineData("occurred_at = occurred_at + interval '1 second'")]
    public async Task tampering_with_one_row_makes_verify_chain_name_that_row(string change)
    {
        var (database, store) = await StoreAsync();
        await using var _ = store;
        var chain = AuditSamples.Seal(Enumerable.Range(0, 6).Select(i => AuditSamples.Draft(AuditSamples.Context("PORT-001"), ReasonCodes.StratMomentumLong, i)));
        foreach (var envelope in chain)
        {
            await store.AppendAsync("PORT-001", [envelope], CancellationToken.None);
        }

        var (intact, intactText) = await VerifyChainAsync(database);
        Assert.Equal(0, intact);
        Assert.Contains("6 envelopes verified", intactText, StringComparison.Ordinal);

        // As the owner: the trigger must be switched off first, which the silo's role cannot do.
        await database.ExecuteAsync(
            $"""
            ALTER TABLE audit_envelope DISABLE TRIGGER trg_audit_envelope_append_only;
            UPDATE audit_envelope SET {change} WHERE chain_id = 'PORT-001' AND sequence = 4;
            ALTER TABLE audit_envelope ENABLE TRIGGER trg_audit_envelope_append_only;
            """);

        var (broken, text) = await VerifyChainAsync(database);
        output.WriteLine(text);
        Assert.Equal(1, broken);
        Assert.Contains("BROKEN at sequence 4", text, StringComparison.Ordinal);
        Assert.Contains(chain[3].EnvelopeId.ToString(), text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ALTER TABLE audit_envelope DISABLE TRIGGER trg_audit_envelope_append_only")]
    [InlineData("DROP TABLE OrleansStorage")]
    [InlineData("UPDATE OrleansQuery SET QueryText = 'SELECT 1'")]
    public async Task the_silo_role_can_neither_reshape_tables_nor_switch_off_the_append_only_trigger(string sql)
    {
        var (database, store) = await StoreAsync();
        await using var _ = store;

        var error = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => database.ExecuteAsync(sql, SiloSettings.AppRole));

        Assert.Equal("42501", error.SqlState);
    }

    private async Task<(PostgresDatabase Database, PostgresAuditStore Store)> StoreAsync()
    {
        var database = await server.CreateDatabaseAsync();
        await new PostgresMigrator(TestLogging.For<PostgresMigrator>(output)).ApplyAsync(database.ConnectionString, CancellationToken.None);
        return (database, new PostgresAuditStore(database.ConnectionStringFor(SiloSettings.AppRole)));
    }

    private static async Task<(int ExitCode, string Output)> VerifyChainAsync(PostgresDatabase database)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        var exit = await SiloCommands.VerifyChainAsync(["--portfolio", "PORT-001", "--connection", database.ConnectionStringFor(SiloSettings.AppRole)], text, error);
        return (exit, text + error.ToString());
    }

    private static List<string> Json(IEnumerable<AuditEnvelope> envelopes) => [.. envelopes.Select(ContractJson.Serialize)];

    private static async Task<List<string>> ReadAllJsonAsync(IAuditStore store, AuditQuery query) => Json(await ReadAllAsync(store, query));

    private static async Task<List<AuditEnvelope>> ReadAllAsync(IAuditStore store, AuditQuery query)
    {
        var all = new List<AuditEnvelope>();
        string? cursor = null;
        do
        {
            var page = await store.QueryAsync(query with { Cursor = cursor }, CancellationToken.None);
            Assert.True(page.Items.Count <= query.Limit);
            all.AddRange(page.Items);
            cursor = page.NextCursor;
        }
        while (cursor is not null);
        return all;
    }
}
