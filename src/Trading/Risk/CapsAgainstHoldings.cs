using System.Globalization;
using Polytraders.Contracts;

namespace Polytraders.Trading.Risk;

/// <summary>
/// Whether a new Portfolio config's caps still hold what the Portfolio already holds. A cap below the exposure already
/// taken could only be honoured by selling, which is a Strategy's or an operator's decision, never a config change's:
/// such a change is refused with RISK_CAP_BELOW_EXPOSURE naming the cap. Every other limit only shapes the next intents.
/// </summary>
public static class CapsAgainstHoldings
{
    /// <summary>The first cap of <paramref name="proposed"/> below what <paramref name="book"/> holds, or null when all fit.</summary>
    public static RuleViolation? Check(PortfolioConfig proposed, RiskBook book)
    {
        ArgumentNullException.ThrowIfNull(proposed);
        ArgumentNullException.ThrowIfNull(book);
        var limits = proposed.RiskLimits;
        var gross = book.GrossExposure();
        if (gross > limits.MaxGrossExposure)
        {
            return Below("risk_limits.max_gross_exposure", limits.MaxGrossExposure, gross, "the gross exposure");
        }

        foreach (var marketId in book.Positions.Values.Select(p => p.MarketId).Concat(book.OpenOrders.Values.Select(o => o.MarketId)).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal))
        {
            var exposure = book.MarketExposure(marketId);
            if (exposure > limits.MaxPositionPerMarket)
            {
                return Below("risk_limits.max_position_per_market", limits.MaxPositionPerMarket, exposure, $"the exposure in market {marketId}");
            }
        }

        foreach (var cap in proposed.ClusterCaps)
        {
            var exposure = book.ClusterExposure(cap.ClusterId);
            if (exposure > cap.MaxExposure)
            {
                return Below($"cluster_caps[{cap.ClusterId}].max_exposure", cap.MaxExposure, exposure, $"the exposure in Cluster {cap.ClusterId}");
            }
        }

        return null;
    }

    private static RuleViolation Below(string cap, decimal limit, decimal held, string what) =>
        new(ReasonCodes.RiskCapBelowExposure, string.Create(CultureInfo.InvariantCulture, $"{cap} {limit} is below {what} already held ({held} pUSD at cost, buys in flight included); lower it once the holdings are down to it."));
}
