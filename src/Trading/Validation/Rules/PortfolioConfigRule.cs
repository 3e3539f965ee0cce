using Polytraders.Contracts;

namespace Polytraders.Trading.Validation.Rules;

/// <summary>
/// Limits must nest: an order fits a market position, a position fits the portfolio, the portfolio fits its bankroll.
/// A Polymarket account other than eoa names its funder (whether the funder belongs to the key is execution's check).
/// </summary>
public sealed class PortfolioConfigRule : ContractRule<PortfolioConfig>
{
    public override IEnumerable<ContractViolation> Check(PortfolioConfig value)
    {
        var limits = value.RiskLimits;
        if (value.Bankroll <= 0m)
        {
            yield return Violation("BankrollNotPositive", "#/bankroll", "bankroll must be above zero");
        }

        if (limits.MaxGrossExposure > value.Bankroll)
        {
            yield return Violation("ExposureAboveBankroll", "#/risk_limits/max_gross_exposure", $"max_gross_exposure {limits.MaxGrossExposure} exceeds bankroll {value.Bankroll}");
        }

        if (limits.MaxPositionPerMarket > limits.MaxGrossExposure)
        {
            yield return Violation("PositionAboveExposure", "#/risk_limits/max_position_per_market", "max_position_per_market exceeds max_gross_exposure");
        }

        if (limits.MaxOrderNotional > limits.MaxPositionPerMarket)
        {
            yield return Violation("OrderAbovePosition", "#/risk_limits/max_order_notional", "max_order_notional exceeds max_position_per_market");
        }

        var clusters = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < value.ClusterCaps.Count; i++)
        {
            var cap = value.ClusterCaps[i];
            if (!clusters.Add(cap.ClusterId))
            {
                yield return Violation("DuplicateClusterCap", $"#/cluster_caps/{i}/cluster_id", $"cluster '{cap.ClusterId}' is capped twice");
            }

            if (cap.MaxExposure > limits.MaxGrossExposure)
            {
                yield return Violation("ClusterCapAboveExposure", $"#/cluster_caps/{i}/max_exposure", $"cap of '{cap.ClusterId}' exceeds max_gross_exposure");
            }
        }

        if (value.PolymarketAccount is { SignatureType: not SignatureType.Eoa, Funder: null } account)
        {
            yield return new ContractViolation(ReasonCodes.SecAccountFunderMissing, "AccountFunderMissing", "#/polymarket_account/funder", $"a {account.SignatureType} account needs the funder address that holds its funds");
        }
    }

    private static ContractViolation Violation(string rule, string path, string message) =>
        new(ReasonCodes.GovInvalidRequest, rule, path, message);
}
