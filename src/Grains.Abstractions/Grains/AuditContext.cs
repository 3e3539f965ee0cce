using Polytraders.Contracts;

namespace Polytraders.Grains;

/// <summary>Who an envelope belongs to: the fields every envelope of one launch shares.</summary>
[GenerateSerializer]
[Alias("Polytraders.AuditContext")]
public sealed record AuditContext(
    [property: Id(0)] string TenantId,
    [property: Id(1)] string PortfolioId,
    [property: Id(2)] string? StrategyId,
    [property: Id(3)] string? LaunchId,
    [property: Id(4)] AuditEnvelopeMode Mode,
    [property: Id(5)] string BuilderCode)
{
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
