using Polytraders.Contracts;

namespace Polytraders.Grains.Tests;

[Collection(SpineCollection.Name)]
/// <summary>The single writer of a chain, batch by batch: one store round trip per batch, nothing stored twice.</summary>
public sealed class AuditTrailGrainTests(SpineCluster spine)
{
    private static readonly AuditContext Context = new("TEN-DESK", "PORT-AUDIT-BATCH", "momentum-audit-1", "LCH-audit-batch", AuditEnvelopeMode.Paper, "0x" + new string('1', 64));

    [Fact]
    public async Task a_batch_sent_again_after_a_crash_stores_only_what_was_missing()
    {
        var trail = spine.Grains.GetGrain<IAuditTrailGrain>(Context.PortfolioId);
        var drafts = Enumerable.Range(1, 4).Select(Draft).ToList();

        await trail.AppendBatch(drafts[..3]);
        // The writer did not hear back and sends its last two again, with the one decided since.
        await trail.AppendBatch(drafts[1..]);

        var stored = await AuditTrailProbe.ReadAllAsync(spine.Grains, new AuditQuery { LaunchId = Context.LaunchId });
        Assert.Equal(drafts.Select(d => d.EnvelopeId), stored.Select(e => e.EnvelopeId));
        Assert.Equal([1L, 2L, 3L, 4L], stored.Select(e => e.Sequence));
        var verification = await trail.Verify();
        Assert.True(verification.Valid, verification.Problem);
        Assert.Equal(4, verification.Checked);
    }

    [Fact]
    public async Task a_batch_with_an_unregistered_code_is_refused_whole()
    {
        var trail = spine.Grains.GetGrain<IAuditTrailGrain>("PORT-AUDIT-REFUSED");
        var context = Context with { PortfolioId = "PORT-AUDIT-REFUSED", LaunchId = "LCH-audit-refused" };
        var good = context.Draft(ReasonCodes.StratSignal, "strategy", new AuditPayload { Kind = AuditPayloadKind.Governance, Detail = "kept out" }, DateTimeOffset.UtcNow);

        await Assert.ThrowsAsync<ArgumentException>(() => trail.AppendBatch([good, good with { EnvelopeId = Guid.NewGuid(), ReasonCode = "STRAT_NOT_A_CODE" }]));

        Assert.Equal(0, (await trail.Verify()).Checked);
    }

    private static AuditEnvelope Draft(int i) =>
        Context.Draft(ReasonCodes.StratSignal, "strategy", new AuditPayload { Kind = AuditPayloadKind.Governance, Detail = $"link {i}" }, DateTimeOffset.UtcNow.AddSeconds(i));
}
