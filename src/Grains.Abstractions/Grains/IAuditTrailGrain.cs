using Polytraders.Contracts;

namespace Polytraders.Grains;

/// <summary>
/// The one writer of an audit chain (key: chain id = portfolio id, or a backtest id). Assigns sequence, prev_hash and
/// hash, so envelopes of every stage of a Portfolio interleave in one verifiable chain.
/// </summary>
/// <remarks>
/// The hot path's calls (this one, risk's Submit and OnFill, the order grain's Place, the Strategy's OnFill, Publish)
/// take their contracts as <c>[Immutable]</c>: a sender hands them over and never changes them, and neither does the
/// receiver (contracts are init-only records), so Orleans passes them within a silo without the deep copy it otherwise
/// makes of every argument (across silos they are serialized as before).
/// </remarks>
[Alias("Polytraders.IAuditTrailGrain")]
public interface IAuditTrailGrain : IGrainWithStringKey
{
    /// <summary>Appends a draft (its sequence and hashes are ignored) and returns the stored envelope.</summary>
    [Alias("Append")]
    Task<AuditEnvelope> Append([Immutable] AuditEnvelope draft);

    /// <summary>
    /// Appends <paramref name="drafts"/> in order, each as <see cref="Append"/> would (idempotent by envelope id), in one
    /// call: a grain that batches its decisions pays one round trip per batch, not per envelope.
    /// </summary>
    [Alias("AppendBatch")]
    Task AppendBatch([Immutable] IReadOnlyList<AuditEnvelope> drafts);

    [Alias("Verify")]
    Task<ChainVerification> Verify();
}
