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

    [Alias("Verify")]
    Task<ChainVerification> Verify();
}
