using Polytraders.Contracts;
using Polytraders.Trading.Audit;

namespace Polytraders.Core.Tests.Audit;

public sealed class MemoryAuditStoreTests
{
    private const string ChainId = "PORT-001";

    [Fact]
    public async Task a_batch_of_consecutive_links_is_stored_in_order()
    {
        var store = new MemoryAuditStore();
        var chain = AuditChainTests.Chain(4);

        await store.AppendAsync(ChainId, chain[..1], CancellationToken.None);
        await store.AppendAsync(ChainId, chain[1..], CancellationToken.None);

        var stored = await store.ReadChainAsync(ChainId, 0, 10, CancellationToken.None);
        Assert.Equal(chain, stored);
        Assert.True(AuditChain.Verify(ChainId, stored).Valid);
    }

    [Fact]
    public async Task a_batch_with_a_taken_sequence_or_a_stored_id_stores_nothing()
    {
        var store = new MemoryAuditStore();
        var chain = AuditChainTests.Chain(3);
        await store.AppendAsync(ChainId, chain[..1], CancellationToken.None);

        var conflict = await Assert.ThrowsAsync<AuditConflictException>(() => store.AppendAsync(ChainId, [chain[1], chain[1] with { EnvelopeId = Guid.NewGuid() }], CancellationToken.None));
        Assert.Equal(2, conflict.Sequence);
        var duplicate = await Assert.ThrowsAsync<AuditDuplicateEnvelopeException>(() => store.AppendAsync(ChainId, [chain[1], chain[0] with { Sequence = 3 }], CancellationToken.None));
        Assert.Equal(chain[0].EnvelopeId, duplicate.EnvelopeId);

        Assert.Equal(chain[0], await store.GetHeadAsync(ChainId, CancellationToken.None));
    }

    [Fact]
    public async Task chains_past_one_segment_read_back_whole_and_verify()
    {
        var store = new MemoryAuditStore();
        var chain = AuditChainTests.Chain(4_000);

        foreach (var batch in chain.Chunk(7))
        {
            await store.AppendAsync(ChainId, batch, CancellationToken.None);
        }

        var stored = await AuditChain.ReadAllAsync(store, ChainId).ToListAsync();
        Assert.Equal(chain.Select(ContractJson.Serialize), stored.Select(ContractJson.Serialize));
        Assert.True(AuditChain.Verify(ChainId, stored).Valid);
        Assert.Equal(ContractJson.Serialize(chain[^1]), ContractJson.Serialize((await store.GetHeadAsync(ChainId, CancellationToken.None))!));
        Assert.Equal(ContractJson.Serialize(chain[2_345]), ContractJson.Serialize((await store.GetAsync(ChainId, chain[2_345].EnvelopeId, CancellationToken.None))!));
        Assert.Null(await store.GetAsync("PORT-002", chain[0].EnvelopeId, CancellationToken.None));
    }

    [Fact]
    public async Task a_query_filters_on_the_kept_fields_and_pages_through_every_chain()
    {
        var store = new MemoryAuditStore();
        var first = AuditChainTests.Chain(30);
        var second = AuditChainTests.Chain(30).Select(e => e with { PortfolioId = "PORT-002", EnvelopeId = Guid.NewGuid() }).ToList();
        await store.AppendAsync(ChainId, first, CancellationToken.None);
        await store.AppendAsync("PORT-002", second, CancellationToken.None);

        var all = new List<AuditEnvelope>();
        string? cursor = null;
        do
        {
            var page = await store.QueryAsync(new AuditQuery { PortfolioId = "PORT-002", Since = second[10].OccurredAt, Limit = 7, Cursor = cursor }, CancellationToken.None);
            all.AddRange(page.Items);
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        Assert.Equal(second.Skip(10).Select(e => e.EnvelopeId), all.Select(e => e.EnvelopeId));
        Assert.Empty((await store.QueryAsync(new AuditQuery { ReasonCode = ReasonCodes.StratSignal }, CancellationToken.None)).Items);
    }
}
