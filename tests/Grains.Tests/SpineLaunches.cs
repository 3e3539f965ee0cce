using Polytraders.Contracts;

namespace Polytraders.Grains.Tests;

/// <summary>The momentum launch the in-process cluster tests run: the demo's parameters, in paper mode.</summary>
internal static class SpineLaunches
{
    public static StrategyLaunch Momentum(string strategyId, string portfolioId, MarketScope scope) => new()
    {
        StrategyId = strategyId,
        Family = StrategyLaunchFamily.Momentum,
        Version = "1.0.0",
        Parameters = new MomentumParameters
        {
            FastLookback = 12,
            SlowLookback = 48,
            EntryThreshold = 0.35m,
            ExitThreshold = -0.1m,
            TakeProfit = 0.08m,
            MaxHoldingMinutes = 1440,
            OrderSize = 100m,
        },
        MarketScope = scope,
        PortfolioId = portfolioId,
        Mode = LaunchMode.Paper,
    };
}
