using Polytraders.Contracts;
using Polytraders.Trading.Audit;

namespace Polytraders.Core.Tests.Audit;

public sealed class AuditChainTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 14, 0, 0, TimeSpan.Zero);

    [Fact]
    public void a_sealed_chain_verifies()
    {
        var chain = Chain(5);

        var verification = AuditChain.Verify("PORT-001", chain);

        Assert.True(verification.Valid);
        Assert.Equal(5, verification.Checked);
        Assert.Equal(AuditChain.GenesisHash, chain[0].PrevHash);
        Assert.Equal(chain[2].Hash, chain[3].PrevHash);
    }

    [Fact]
    public void changing_one_field_of_one_link_names_that_link()
    {
        var chain = Chain(5);
        chain[2] = chain[2] with { ReasonCode = ReasonCodes.RiskApproved };

        var verification = AuditChain.Verify("PORT-001", chain);

        Assert.False(verification.Valid);
        Assert.Equal(3, verification.FirstBrokenSequence);
        Assert.Equal(chain[2].EnvelopeId, verification.FirstBrokenEnvelopeId);
        Assert.Equal(2, verification.Checked);
    }

    [Fact]
    public void rehashing_a_tampered_link_still_breaks_the_next_one()
    {
        var chain = Chain(4);
        var forged = chain[1] with { Actor = "operator:mallory" };
        chain[1] = forged with { Hash = AuditChain.HashOf(forged) };

        var verification = AuditChain.Verify("PORT-001", chain);

        Assert.Equal(3, verification.FirstBrokenSequence);
    }

    [Fact]
    public void a_missing_link_is_reported_as_a_sequence_gap()
    {
        var chain = Chain(4);
        chain.RemoveAt(1);

        var verification = AuditChain.Verify("PORT-001", chain);

        Assert.Equal(3, verification.FirstBrokenSequence);
        Assert.Contains("sequence", verification.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void a_link_is_hashed_over_its_canonical_json_with_the_hash_left_empty()
    {
        // A detail long enough to grow the reused buffer, with text the JSON encoder escapes: the bytes hashed are the
        // contract's canonical JSON whatever the thread's buffer held before.
        var context = new AuditContext("TEN-DESK", "PORT-001", null, null, AuditEnvelopeMode.Paper, "0x" + new string('1', 64));
        var details = new[] { "short", new string('x', 10_000) + " <é & \"quoted\">", "short again" };
        var previous = AuditChain.GenesisHash;
        for (var i = 0; i < details.Length; i++)
        {
            var draft = context.Draft(ReasonCodes.GovKillSwitchOn, "operator:alice", new AuditPayload { Kind = AuditPayloadKind.Governance, Detail = details[i] }, Start);
            var sealedEnvelope = AuditChain.Seal(draft, i + 1, previous);

            var canonical = ContractJson.SerializeToUtf8Bytes(sealedEnvelope with { Hash = string.Empty });
            Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(canonical)), sealedEnvelope.Hash);
            Assert.Equal(sealedEnvelope.Hash, AuditChain.HashOf(sealedEnvelope));
            previous = sealedEnvelope.Hash;
        }
    }

    internal static List<AuditEnvelope> Chain(int length)
    {
        var context = new AuditContext("TEN-DESK", "PORT-001", "momentum-crypto-1", "LCH-0000000001", AuditEnvelopeMode.Paper, "0x" + new string('1', 64));
        var chain = new List<AuditEnvelope>();
        var previous = AuditChain.GenesisHash;
        for (var i = 1; i <= length; i++)
        {
            var draft = context.Draft(ReasonCodes.StratMarketInScope, "strategy", new AuditPayload { Kind = AuditPayloadKind.Scope, MarketId = "0x" + new string('a', 64) }, Start.AddMinutes(i));
            var sealedEnvelope = AuditChain.Seal(draft, i, previous);
            chain.Add(sealedEnvelope);
            previous = sealedEnvelope.Hash;
        }

        return chain;
    }
}
