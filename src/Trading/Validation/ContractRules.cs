using Polytraders.Trading.Backtest;
using Polytraders.Trading.Validation.Rules;

namespace Polytraders.Trading.Validation;

/// <summary>Every C# contract rule, in one list for the validator.</summary>
public static class ContractRules
{
    public static IReadOnlyList<ContractRule> All { get; } =
    [
        new ReasonCodeRegistryRule(),
        new SignalRule(),
        new OrderIntentRule(),
        new FillRule(),
        new PortfolioConfigRule(),
        new AuditEnvelopeRule(),
        new AuditPageRule(),
        new PortfolioStateRule(),
        new StrategyStateRule(),
        new MarketScopeRule(),
        new StrategyLaunchRule(),
        new MarketRule(),
        new PriceUpdateRule(),
        new ChainVerificationRule(),
        new BacktestRequestRule(),
        new BotSpecRule(),
        new BotRegistryRule(),
        new GateChecklistRule(),
    ];
}
