using Polytraders.Contracts;

namespace Polytraders.Trading.Audit;

/// <summary>The reviewer filters as one predicate, for stores that filter in memory. Backtest envelopes never show in live queries.</summary>
public static class AuditQueryFilter
{
    public static bool Matches(AuditQuery query, in AuditQueryFields fields) =>
        (query.PortfolioId is null || fields.PortfolioId == query.PortfolioId)
        && (query.StrategyId is null || fields.StrategyId == query.StrategyId)
        && (query.LaunchId is null || fields.LaunchId == query.LaunchId)
        && (query.ReasonCode is null || fields.ReasonCode == query.ReasonCode)
        && (query.Since is null || fields.OccurredAt >= query.Since)
        && (query.Until is null || fields.OccurredAt < query.Until)
        && !fields.Badged;
}

/// <summary>What a reviewer query filters an envelope on, kept apart from it by a store that keeps envelopes as bytes.</summary>
public readonly record struct AuditQueryFields(string? PortfolioId, string? StrategyId, string? LaunchId, string ReasonCode, DateTimeOffset OccurredAt, bool Badged);
