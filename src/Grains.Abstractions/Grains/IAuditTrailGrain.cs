using Polytraders.Contracts;

namespace Polytraders.Grains;

/// <summary>
/// The one writer of an audit chain (key: chain id = portfolio id, or a backtest id). Assigns sequence, prev_hash and
/// hash, so envelopes of every stage of a Portfolio interleave in one verifiable chain.
/// </summary>
[Alias("Polytraders.IAuditTrailGrain")]
public interface IAuditTrailGrain : IGrainWithStringKey
{
    /// <summary>Appends a draft (its sequence and hashes are ignored) and returns the stored envelope.</summary>
    [Alias("Append")]
    Task<AuditEnvelope> Append(AuditEnvelope draft);

    /// <summary>
    /// Appends <paramref name="drafts"/> in order, each as <see cref="Append"/> would (idempotent by envelope id), in one
    /// call: a grain that batches its decisions pays one round trip per batch, not per envelope.
    /// </summary>
    [Alias("AppendBatch")]
    Task AppendBatch(IReadOnlyList<AuditEnvelope> drafts);

    [Alias("Verify")]
    Task<ChainVerification> Verify();
}
