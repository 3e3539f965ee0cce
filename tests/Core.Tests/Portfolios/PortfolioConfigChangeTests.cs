using Polytraders.Contracts;
using Polytraders.Core.Tests.Backtest;
using Polytraders.Trading.Portfolios;

namespace Polytraders.Core.Tests.Portfolios;

public class PortfolioConfigChangeTests
{
    private static readonly PortfolioConfig Port001 = BacktestFixtures.Port001;

    [Fact]
    public void limits_name_status_and_cluster_caps_may_change_and_each_change_is_named_with_both_values()
    {
        var proposed = Port001 with
        {
            Name = "Momentum desk - reduced",
            RiskLimits = Port001.RiskLimits with { MaxGrossExposure = 8000m, PriceBand = null },
            ClusterCaps = [new ClusterCap { ClusterId = "crypto", MaxExposure = 3000m }],
            Status = PortfolioConfigStatus.Suspended,
        };

        Assert.Null(PortfolioConfigChange.FixedFieldChanged(Port001, proposed));
        Assert.Equal(
            [
                "name: Momentum desk - main -> Momentum desk - reduced",
                "risk_limits.max_gross_exposure: 10000 -> 8000",
                "risk_limits.price_band: 0.1 -> (none)",
                "status: active -> suspended",
                "cluster_caps[crypto].max_exposure: 4000 -> 3000",
                "cluster_caps[politics].max_exposure: 4000 -> (none)",
            ],
            PortfolioConfigChange.Differences(Port001, proposed));
    }

    [Fact]
    public void the_same_config_is_no_change()
    {
        Assert.Empty(PortfolioConfigChange.Differences(Port001, Port001 with { ClusterCaps = [.. Port001.ClusterCaps] }));
    }

    [Fact]
    public void tenant_and_bankroll_are_fixed_once_the_portfolio_exists()
    {
        var tenant = PortfolioConfigChange.FixedFieldChanged(Port001, Port001 with { TenantId = "TEN-OTHER" });
        var bankroll = PortfolioConfigChange.FixedFieldChanged(Port001, Port001 with { Bankroll = 30000m });

        Assert.Equal(ReasonCodes.GovPortfolioFieldImmutable, tenant?.Code);
        Assert.StartsWith("tenant_id", tenant?.Message, StringComparison.Ordinal);
        Assert.Equal(ReasonCodes.GovPortfolioFieldImmutable, bankroll?.Code);
        Assert.Contains("25000", bankroll?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void a_long_list_of_differences_is_described_up_to_forty_and_counted_beyond()
    {
        var differences = Enumerable.Range(1, 45).Select(i => $"field{i}: a -> b").ToList();

        var detail = PortfolioConfigChange.Describe(differences);

        Assert.Contains("field40: a -> b; and 5 more", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("field41", detail, StringComparison.Ordinal);
    }
}
