using Polytraders.Contracts;
using Polytraders.Trading.Intelligence;
using Polytraders.Trading.Momentum;

namespace Polytraders.Core.Tests.Momentum;

public class StrategyTickAllocationTests
{
    [Theory]
    [InlineData(StrategyLaunchDomainPack.Crypto)]
    [InlineData(StrategyLaunchDomainPack.Politics)]
    public void a_tick_that_decides_nothing_allocates_nothing(StrategyLaunchDomainPack pack)
    {
        var strategy = new MomentumStrategy(MomentumFixture.Identity, MomentumReplay.Parameters, DomainPack.Create(pack, MomentumReplay.Parameters));
        Array.ForEach(MomentumReplay.Markets, market => strategy.AddMarket(market));
        var tape = DeterministicTape.Build(MomentumReplay.Seed, MomentumReplay.Markets, 800);
        var quietTicks = 0;
        var allocated = 0L;
        for (var i = 0; i < tape.Count; i++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var step = strategy.OnTick(tape[i]);
            var after = GC.GetAllocatedBytesForCurrentThread();
            if (step.Intent is { } intent)
            {
                strategy.OnFill(intent.ClientOrderId, intent.Side, intent.Size, intent.LimitPrice, intent.CreatedAt);
            }
            else if (step.IsEmpty && i >= 300)
            {
                quietTicks++;
                allocated += after - before;
            }
        }

        Assert.True(quietTicks > 1000, $"only {quietTicks} quiet ticks measured");
        Assert.Equal(0, allocated);
    }
}
