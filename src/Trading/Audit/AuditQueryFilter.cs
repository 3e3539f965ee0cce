using Polytraders.Contracts;

namespace Polytraders.Trading.Audit;

/// <summary>The reviewer filters as one predicate, for stores that filter in memory. Backtest envelopes never show in live queries.</summary>
public static class AuditQueryFilter
{
    public static bool Matches(AuditQuery query, AuditEnvelope envelope) =>
        (query.PortfolioId is null || envelope.PortfolioId == query.PortfolioId)
        && (query.StrategyId is null || envelope.StrategyId == query.StrategyId)
        && (query.LaunchId is null || envelope.LaunchId == query.LaunchId)
        && (query.ReasonCode is null || envelope.ReasonCode == query.ReasonCode)
        && (query.Since is null || envelope.OccurredAt >= query.Since)
        && (query.Until is null || envelope.OccurredAt < query.Until)
        && envelope.Badge is null;
}
