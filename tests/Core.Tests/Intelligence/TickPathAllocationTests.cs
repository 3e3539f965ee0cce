using Polytraders.Trading.Intelligence;

namespace Polytraders.Core.Tests.Intelligence;

public class TickPathAllocationTests
{
    [Theory]
    [InlineData("crypto")]
    [InlineData("politics")]
    public void evaluating_a_tick_allocates_nothing(string pack)
    {
        var pipeline = DomainPack.Create(pack, new IntelligenceSettings { FastLookback = 5, SlowLookback = 20 }).CreatePipeline();
        var ticks = new MarketTick[600];
        for (var i = 0; i < ticks.Length; i++)
        {
            var price = 0.5m + ((i % 17) - 8) / 100m;
            ticks[i] = Ticks.Book(i, price, price - 0.01m, price + 0.01m, 100m + i, 80m) with
            {
                Volume = i % 4,
                EndDate = Ticks.Start.AddDays(5),
                ReferencePrice = i % 7 == 0 ? 0.52m : null,
            };
        }

        for (var i = 0; i < 300; i++)
        {
            pipeline.Evaluate(ticks[i]);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 300; i < ticks.Length; i++)
        {
            pipeline.Evaluate(ticks[i]);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
