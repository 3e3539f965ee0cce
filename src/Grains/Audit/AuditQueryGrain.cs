using Orleans.Concurrency;
using Polytraders.Contracts;
using Polytraders.Trading.Audit;

namespace Polytraders.Grains.Audit;

/// <summary>Reviewer queries go to the store's indexes, never through the chain writers' state.</summary>
[StatelessWorker]
public sealed class AuditQueryGrain(IAuditStore store) : Grain, IAuditQueryGrain
{
    public Task<AuditPage> Query(AuditQuery query) => store.QueryAsync(query, CancellationToken.None);
}
