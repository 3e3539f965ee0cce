using System.Security.Cryptography;
using System.Text;
using Polytraders.Contracts;
using Polytraders.Grains.Contracts;

namespace Polytraders.Grains.Audit;

/// <summary>
/// Hashing and verification of an audit chain. An envelope's hash is SHA-256 over its canonical JSON (the generated
/// contract serialised with <see cref="ContractJson"/>, property order fixed by the schema) with <c>hash</c> empty,
/// and it includes <c>prev_hash</c>, so changing any field of any link breaks every later link.
/// </summary>
public static class AuditChain
{
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    public static AuditEnvelope Seal(AuditEnvelope draft, long sequence, string previousHash)
    {
        var unsealed = draft with { Sequence = sequence, PrevHash = previousHash, Hash = string.Empty };
        return unsealed with { Hash = HashOf(unsealed) };
    }

    public static string HashOf(AuditEnvelope envelope)
    {
        var canonical = ContractJson.Serialize(envelope with { Hash = string.Empty });
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>Re-hashes a chain read oldest first and reports the first link that does not hold.</summary>
    public static ChainVerification Verify(string chainId, IEnumerable<AuditEnvelope> envelopes)
    {
        var expectedPrevious = GenesisHash;
        long checkedCount = 0;
        foreach (var envelope in envelopes)
        {
            var expectedSequence = checkedCount + 1;
            var problem =
                envelope.Sequence != expectedSequence ? $"sequence {envelope.Sequence} where {expectedSequence} was expected"
                : envelope.PrevHash != expectedPrevious ? "prev_hash does not match the hash of the link before"
                : envelope.Hash != HashOf(envelope) ? "hash does not match the envelope's content"
                : null;
            if (problem is not null)
            {
                return new ChainVerification
                {
                    ChainId = chainId,
                    Checked = checkedCount,
                    Valid = false,
                    FirstBrokenSequence = envelope.Sequence,
                    FirstBrokenEnvelopeId = envelope.EnvelopeId,
                    Problem = problem,
                };
            }

            expectedPrevious = envelope.Hash;
            checkedCount++;
        }

        return new ChainVerification { ChainId = chainId, Checked = checkedCount, Valid = true };
    }
}
