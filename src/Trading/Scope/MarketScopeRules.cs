using Polytraders.Contracts;

namespace Polytraders.Trading.Scope;

/// <summary>
/// The one place the Market scope rules live: a Cluster binding or a manual list of 1 to 50 markets, never both,
/// with no market listed twice (market ids compare case-insensitively, as hex does).
/// </summary>
public static class MarketScopeRules
{
    public const int MaxManualMarkets = 50;

    public static StringComparer MarketIdComparer => StringComparer.OrdinalIgnoreCase;

    public static IReadOnlyList<RuleViolation> Validate(MarketScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var violations = new List<RuleViolation>();
        if (scope.Mode == ScopeMode.Cluster)
        {
            if (scope.MarketIds is not null)
            {
                violations.Add(new(ReasonCodes.StratScopeMixedModes, "A cluster scope cannot also list markets."));
            }

            if (string.IsNullOrWhiteSpace(scope.ClusterId))
            {
                violations.Add(new(ReasonCodes.StratScopeEmpty, "A cluster scope must name its cluster."));
            }

            return violations;
        }

        if (scope.ClusterId is not null)
        {
            violations.Add(new(ReasonCodes.StratScopeMixedModes, "A manual scope cannot also name a cluster."));
        }

        var markets = scope.MarketIds ?? [];
        if (markets.Count == 0)
        {
            violations.Add(new(ReasonCodes.StratScopeEmpty, "A manual scope must list at least one market."));
        }

        if (markets.Count > MaxManualMarkets)
        {
            violations.Add(new(ReasonCodes.StratScopeTooManyMarkets, $"A manual scope lists {markets.Count} markets; at most {MaxManualMarkets} are allowed."));
        }

        var seen = new HashSet<string>(MarketIdComparer);
        var repeated = markets.Where(id => !seen.Add(id)).Distinct(MarketIdComparer).ToList();
        if (repeated.Count > 0)
        {
            violations.Add(new(ReasonCodes.StratScopeDuplicateMarket, $"Listed more than once: {string.Join(", ", repeated)}."));
        }

        return violations;
    }
}
