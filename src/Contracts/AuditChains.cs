namespace Polytraders.Contracts;

/// <summary>
/// How the audit store names chains: a Portfolio's chain is its id, a Tenant's governance chain (mode ladder, Cluster
/// membership) is <c>GOV-&lt;tenant&gt;</c>, so governance links never interleave with trading links.
/// </summary>
public static class AuditChains
{
    public const string GovernancePrefix = "GOV-";

    public static string Governance(string tenantId) => GovernancePrefix + tenantId;

    /// <summary>The chain a live envelope belongs to (a Backtest's writer names its own chain).</summary>
    public static string Of(AuditEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        return envelope.Mode == AuditEnvelopeMode.Governance
            ? Governance(envelope.TenantId)
            : envelope.PortfolioId ?? throw new ArgumentException($"Envelope {envelope.EnvelopeId} ({envelope.Mode}) names no Portfolio.", nameof(envelope));
    }
}
