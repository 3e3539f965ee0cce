using System.Buffers;
using System.Security.Cryptography;
using Polytraders.Contracts;

namespace Polytraders.Trading.Audit;

/// <summary>
/// Hashing and verification of an audit chain. An envelope's hash is SHA-256 over its canonical JSON (the generated
/// contract serialised with <see cref="ContractJson"/>, property order fixed by the schema) with <c>hash</c> empty,
/// and it includes <c>prev_hash</c>, so changing any field of any link breaks every later link.
/// </summary>
public static class AuditChain
{
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    private const int CanonicalCapacity = 4_096;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_canonical;

    public static AuditEnvelope Seal(AuditEnvelope draft, long sequence, string previousHash)
    {
        var unsealed = draft with { Sequence = sequence, PrevHash = previousHash, Hash = string.Empty };
        return unsealed with { Hash = HashOfUnsealed(unsealed) };
    }

    public static string HashOf(AuditEnvelope envelope) =>
        HashOfUnsealed(envelope.Hash.Length == 0 ? envelope : envelope with { Hash = string.Empty });

    /// <summary>
    /// Serialized into a buffer each thread reuses: every decision is sealed on its way to the store, and an array per
    /// envelope was a good part of what the trading path allocated.
    /// </summary>
    private static string HashOfUnsealed(AuditEnvelope unsealed)
    {
        var canonical = t_canonical ??= new ArrayBufferWriter<byte>(CanonicalCapacity);
        canonical.ResetWrittenCount();
        ContractJson.SerializeEnvelopeTo(canonical, unsealed);
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(canonical.WrittenSpan, digest);
        return Convert.ToHexStringLower(digest);
    }

    /// <summary>Re-hashes a chain read oldest first and reports the first link that does not hold.</summary>
    public static ChainVerification Verify(string chainId, IEnumerable<AuditEnvelope> envelopes)
    {
        var verifier = new Verifier(chainId);
        foreach (var envelope in envelopes)
        {
            if (verifier.Check(envelope) is { } broken)
            {
                return broken;
            }
        }

        return verifier.Valid();
    }

    /// <summary>
    /// The same check over a chain streamed page by page (a store read), so a long chain is verified in constant memory.
    /// </summary>
    public static async Task<ChainVerification> VerifyAsync(string chainId, IAsyncEnumerable<AuditEnvelope> envelopes, CancellationToken cancellationToken = default)
    {
        var verifier = new Verifier(chainId);
        await foreach (var envelope in envelopes.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (verifier.Check(envelope) is { } broken)
            {
                return broken;
            }
        }

        return verifier.Valid();
    }

    /// <summary>Reads a whole chain from a store, oldest first, one page at a time.</summary>
    public static async IAsyncEnumerable<AuditEnvelope> ReadAllAsync(
        IAuditStore store, string chainId, int pageSize = 1000, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        long after = 0;
        while (true)
        {
            var page = await store.ReadChainAsync(chainId, after, pageSize, cancellationToken).ConfigureAwait(false);
            foreach (var envelope in page)
            {
                yield return envelope;
            }

            if (page.Count < pageSize)
            {
                yield break;
            }

            after = page[^1].Sequence;
        }
    }

    private sealed class Verifier(string chainId)
    {
        private string _expectedPrevious = GenesisHash;
        private long _checked;

        public ChainVerification? Check(AuditEnvelope envelope)
        {
            var expectedSequence = _checked + 1;
            var problem =
                envelope.Sequence != expectedSequence ? $"sequence {envelope.Sequence} where {expectedSequence} was expected"
                : envelope.PrevHash != _expectedPrevious ? "prev_hash does not match the hash of the link before"
                : envelope.Hash != HashOf(envelope) ? "hash does not match the envelope's content"
                : null;
            if (problem is not null)
            {
                return new ChainVerification
                {
                    ChainId = chainId,
                    Checked = _checked,
                    Valid = false,
                    FirstBrokenSequence = envelope.Sequence,
                    FirstBrokenEnvelopeId = envelope.EnvelopeId,
                    Problem = problem,
                };
            }

            _expectedPrevious = envelope.Hash;
            _checked++;
            return null;
        }

        public ChainVerification Valid() => new() { ChainId = chainId, Checked = _checked, Valid = true };
    }
}
