namespace Polytraders.Trading.Momentum;

/// <summary>Who places the intents: the Portfolio, the Strategy and the launch every client order id derives from.</summary>
public sealed record MomentumIdentity(string PortfolioId, string StrategyId, string LaunchId);
