using System.Globalization;
using Polytraders.Contracts;

namespace Polytraders.Trading.Portfolios;

/// <summary>
/// What a replacement of a Portfolio's config may change, and what it did change (for the audit envelope). The
/// identity fields and the bankroll are fixed at creation: the bankroll opened the risk book, whose cash then moves
/// only with fills.
/// </summary>
public static class PortfolioConfigChange
{
    /// <summary>Longest list of differences an envelope's detail names before it counts the rest.</summary>
    private const int MaxListed = 40;

    /// <summary>The first fixed field <paramref name="proposed"/> changes, or null.</summary>
    public static RuleViolation? FixedFieldChanged(PortfolioConfig current, PortfolioConfig proposed)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(proposed);
        return Fixed(current, proposed).FirstOrDefault(f => f.Before != f.After) is ({ } field, var before, var after)
            ? new RuleViolation(ReasonCodes.GovPortfolioFieldImmutable, $"{field} is fixed once the Portfolio exists ({before}); the change asks for {after}.")
            : null;
    }

    /// <summary>Each changed field as <c>name: old -> new</c>, in schema order; empty when nothing changed.</summary>
    public static IReadOnlyList<string> Differences(PortfolioConfig current, PortfolioConfig proposed)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(proposed);
        return Fields(current).Zip(Fields(proposed), (before, after) => (before.Name, Before: before.Value, After: after.Value))
            .Concat(ClusterCaps(current, proposed))
            .Where(f => f.Before != f.After)
            .Select(f => $"{f.Name}: {f.Before} -> {f.After}")
            .ToList();
    }

    /// <summary>The audit detail of a change: its differences, at most <see cref="MaxListed"/> of them named.</summary>
    public static string Describe(IReadOnlyList<string> differences) =>
        differences.Count <= MaxListed
            ? string.Join("; ", differences)
            : $"{string.Join("; ", differences.Take(MaxListed))}; and {differences.Count - MaxListed} more";

    private static IEnumerable<(string Name, string Before, string After)> Fixed(PortfolioConfig current, PortfolioConfig proposed)
    {
        yield return ("portfolio_id", current.PortfolioId, proposed.PortfolioId);
        yield return ("tenant_id", current.TenantId, proposed.TenantId);
        yield return ("base_currency", Text(current.BaseCurrency), Text(proposed.BaseCurrency));
        yield return ("bankroll", Text(current.Bankroll), Text(proposed.Bankroll));
    }

    private static IEnumerable<(string Name, string Value)> Fields(PortfolioConfig config)
    {
        var limits = config.RiskLimits;
        yield return ("name", config.Name);
        yield return ("builderCode", config.BuilderCode);
        yield return ("risk_limits.max_order_notional", Text(limits.MaxOrderNotional));
        yield return ("risk_limits.max_position_per_market", Text(limits.MaxPositionPerMarket));
        yield return ("risk_limits.max_gross_exposure", Text(limits.MaxGrossExposure));
        yield return ("risk_limits.daily_loss_limit", Text(limits.DailyLossLimit));
        yield return ("risk_limits.max_orders_per_minute", Text(limits.MaxOrdersPerMinute));
        yield return ("risk_limits.max_price_age_seconds", Text(limits.MaxPriceAgeSeconds));
        yield return ("risk_limits.price_band", Text(limits.PriceBand));
        yield return ("status", Text(config.Status));
        yield return ("polymarket_account", config.PolymarketAccount is { } account ? $"{Text(account.SignatureType)} {account.Funder ?? "(key)"}" : "(none)");
    }

    private static IEnumerable<(string Name, string Before, string After)> ClusterCaps(PortfolioConfig current, PortfolioConfig proposed)
    {
        var before = current.ClusterCaps.ToDictionary(c => c.ClusterId, c => Text(c.MaxExposure), StringComparer.Ordinal);
        var after = proposed.ClusterCaps.ToDictionary(c => c.ClusterId, c => Text(c.MaxExposure), StringComparer.Ordinal);
        return before.Keys.Union(after.Keys).Order(StringComparer.Ordinal)
            .Select(id => ($"cluster_caps[{id}].max_exposure", before.GetValueOrDefault(id, "(none)"), after.GetValueOrDefault(id, "(none)")));
    }

    private static string Text<T>(T value) =>
        value switch
        {
            null => "(none)",
            Enum => ContractJson.Serialize(value).Trim('"'),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "(none)",
        };
}
