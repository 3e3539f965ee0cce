using Polytraders.Contracts;

namespace Polytraders.Trading.Audit;

/// <summary>
/// Where sealed envelopes live (memory for the embedded default, PostgreSQL for durable clusters). Append-only: a
/// (chain, sequence) pair is written once, an envelope id is stored once, and nothing is ever updated or deleted.
/// </summary>
public interface IAuditStore
{
    /// <summary>
    /// Stores sealed envelopes of one chain, consecutive links in order, all or none (one round trip for a batch).
    /// Throws <see cref="AuditConflictException"/> when a sequence is taken in the chain and
    /// <see cref="AuditDuplicateEnvelopeException"/> when an envelope with one of their ids is already stored.
    /// </summary>
    Task AppendAsync(string chainId, IReadOnlyList<AuditEnvelope> envelopes, CancellationToken cancellationToken);

    /// <summary>The last link of a chain, or null for an empty chain.</summary>
    Task<AuditEnvelope?> GetHeadAsync(string chainId, CancellationToken cancellationToken);

    /// <summary>One stored envelope of a chain by id, or null.</summary>
    Task<AuditEnvelope?> GetAsync(string chainId, Guid envelopeId, CancellationToken cancellationToken);

    /// <summary>Links of one chain with sequence above <paramref name="afterSequence"/>, oldest first.</summary>
    Task<IReadOnlyList<AuditEnvelope>> ReadChainAsync(string chainId, long afterSequence, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Reviewer query across chains, oldest first, paged by an opaque cursor. Envelopes with a badge (backtests) never
    /// show. A cursor the store did not hand out throws <see cref="FormatException"/>.
    /// </summary>
    Task<AuditPage> QueryAsync(AuditQuery query, CancellationToken cancellationToken);
}

public sealed class AuditConflictException(string chainId, long sequence)
    : InvalidOperationException($"Audit chain {chainId} already holds sequence {sequence}.")
{
    public string ChainId { get; } = chainId;

    public long Sequence { get; } = sequence;
}

/// <summary>An envelope id is stored once: a writer retrying after a crash finds its envelope already there.</summary>
public sealed class AuditDuplicateEnvelopeException(Guid envelopeId)
    : InvalidOperationException($"Audit envelope {envelopeId} is already stored.")
{
    public Guid EnvelopeId { get; } = envelopeId;
}
