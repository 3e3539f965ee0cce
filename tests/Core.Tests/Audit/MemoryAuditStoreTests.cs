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
}
