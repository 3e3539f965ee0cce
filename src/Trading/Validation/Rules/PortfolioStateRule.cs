using Polytraders.Contracts;

namespace Polytraders.Trading.Validation.Rules;

/// <summary>The config a portfolio's state carries obeys the config rules (<c>#/config/risk_limits/max_gross_exposure</c>).</summary>
public sealed class PortfolioStateRule : ContractRule<PortfolioState>
{
    private static readonly PortfolioConfigRule Config = new();

    public override IEnumerable<ContractViolation> Check(PortfolioState value) => Config.CheckAt(value.Config, "#/config");
}
