using System.Diagnostics.CodeAnalysis;

namespace Polytraders.Contracts;

public sealed partial record AuditContext
{
    public AuditContext()
    {
    }

    [SetsRequiredMembers]
    public AuditContext(string tenantId, string portfolioId, string? strategyId, string? launchId, AuditEnvelopeMode mode, string builderCode)
    {
        TenantId = tenantId;
        PortfolioId = portfolioId;
        StrategyId = strategyId;
        LaunchId = launchId;
        Mode = mode;
        BuilderCode = builderCode;
    }

    /// <summary>A draft for the chain writer, which fills sequence and hashes.</summary>
    public AuditEnvelope Draft(string reasonCode, string actor, AuditPayload payload, DateTimeOffset occurredAt) => new()
    {
        EnvelopeId = Guid.CreateVersion7(occurredAt),
        Sequence = 0,
        PrevHash = string.Empty,
        Hash = string.Empty,
        OccurredAt = occurredAt,
        TenantId = TenantId,
        PortfolioId = PortfolioId,
        StrategyId = StrategyId,
        LaunchId = LaunchId,
        Mode = Mode,
        ReasonCode = reasonCode,
        BuilderCode = BuilderCode,
        Actor = actor,
        Payload = payload,
    };
}
