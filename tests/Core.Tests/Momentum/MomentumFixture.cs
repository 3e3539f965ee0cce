using Polytraders.Contracts;
using Polytraders.Trading.Intelligence;
using Polytraders.Trading.Momentum;

namespace Polytraders.Core.Tests.Momentum;

/// <summary>
/// A momentum Strategy on short lookbacks (fast 2, slow 3) with the crypto pack's majority vote, so a run of rising
/// ticks scores +1 and a run of falling ones -1 by hand: every directional valuator votes with the trend. Without a
/// book the vote has a quorum (3 of 5: crossover, change, breakout) from the fourth tick on.
/// </summary>
internal static class MomentumFixture
{
    public static readonly MomentumIdentity Identity = new("PORT-001", "momentum-test-1", "LCH-test-0001");
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);

    public static MomentumParameters Parameters(decimal orderSize = 10m, long maxHoldingMinutes = 30) => new()
    {
        FastLookback = 2,
        SlowLookback = 3,
        EntryThreshold = 0.5m,
        ExitThreshold = -0.5m,
        TakeProfit = 0.05m,
        MaxHoldingMinutes = maxHoldingMinutes,
        OrderSize = orderSize,
    };

    public static MomentumStrategy Strategy(MomentumParameters? parameters = null, MomentumIdentity? identity = null, MomentumStrategyState? restored = null)
    {
        var chosen = parameters ?? Parameters();
        var strategy = new MomentumStrategy(identity ?? Identity, chosen, DomainPack.Create(StrategyLaunchDomainPack.Crypto, chosen), restored, "majority_vote");
        strategy.AddMarket(TestMarkets.Btc);
        return strategy;
    }

    public static MarketTick Tick(int second, decimal price, Market? market = null) =>
        new((market ?? TestMarkets.Btc).MarketId, (market ?? TestMarkets.Btc).YesToken(), Start.AddSeconds(second), price);

    /// <summary>Feeds prices one second apart from <paramref name="firstSecond"/>; returns the last step.</summary>
    public static StrategyStep Feed(this MomentumStrategy strategy, int firstSecond, params decimal[] prices)
    {
        var step = StrategyStep.None;
        for (var i = 0; i < prices.Length; i++)
        {
            step = strategy.OnTick(Tick(firstSecond + i, prices[i]));
        }

        return step;
    }

    /// <summary>Rising ticks at seconds 0..3: the fourth scores +1 and enters at 0.53.</summary>
    public static OrderIntent Enter(this MomentumStrategy strategy) =>
        strategy.Feed(0, 0.50m, 0.51m, 0.52m, 0.53m).Intent ?? throw new InvalidOperationException("The rising ticks did not enter.");

    /// <summary>Enters and fills the entry at its limit at second 3.</summary>
    public static OrderIntent EnterAndFill(this MomentumStrategy strategy)
    {
        var entry = strategy.Enter();
        strategy.OnFill(entry.ClientOrderId, Side.Buy, entry.Size, entry.LimitPrice, Start.AddSeconds(3));
        return entry;
    }
}
