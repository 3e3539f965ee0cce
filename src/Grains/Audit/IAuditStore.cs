using Polytraders.Contracts;

namespace Polytraders.Grains.Audit;

/// <summary>
/// Where sealed envelopes live (memory for the embedded default, PostgreSQL for durable clusters). Append-only: a
/// (chain, sequence) pair is written once, and nothing is ever updated or deleted.
/// </summary>
public interface IAuditStore
{
    /// <summary>Stores a sealed envelope; throws <see cref="AuditConflictException"/> when its sequence is taken.</summary>
    Task AppendAsync(string chainId, AuditEnvelope envelope, CancellationToken cancellationToken);

    /// <summary>The last link of a chain, or null for an empty chain.</summary>
    Task<AuditEnvelope?> GetHeadAsync(string chainId, CancellationToken cancellationToken);

    /// <summary>Links of one chain with sequence above <paramref name="afterSequence"/>, oldest first.</summary>
    Task<IReadOnlyList<AuditEnvelope>> ReadChainAsync(string chainId, long afterSequence, int limit, CancellationToken cancellationToken);

    Task<AuditPage> QueryAsync(AuditQuery query, CancellationToken cancellationToken);
}

public sealed class AuditConflictException(string chainId, long sequence)
    : InvalidOperationException($"Audit chain {chainId} already holds sequence {sequence}.");
