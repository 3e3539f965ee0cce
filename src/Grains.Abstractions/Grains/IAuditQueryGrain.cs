using Polytraders.Contracts;

namespace Polytraders.Grains;

/// <summary>Reviewer queries over the audit store, across chains, served by the store's indexes.</summary>
[Alias("Polytraders.IAuditQueryGrain")]
public interface IAuditQueryGrain : IGrainWithIntegerKey
{
    [Alias("Query")]
    Task<AuditPage> Query(AuditQuery query);
}
