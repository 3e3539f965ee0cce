using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Polytraders.Contracts;
using Polytraders.Core.Tests.Momentum;
using Polytraders.Trading;
using Polytraders.Trading.Momentum;
using Polytraders.Trading.Risk;

namespace Polytraders.Core.Tests.Risk;

public class RiskPropertyTests
{
    private static readonly Gen<RiskOp> Op =
        from kind in Gen.Choose(0, 19)
        from market in Gen.Choose(0, 2)
        from side in Gen.Choose(0, 2)
        from size in Gen.Choose(0, 400)
        from price in Gen.Choose(1, 99)
        from offset in Gen.Choose(-12, 12)
        from advance in Gen.Choose(0, 40)
        from fill in Gen.Choose(0, 9)
        select new RiskOp(kind, market, side, size, price, offset, advance, fill);

    private static Arbitrary<RiskOp[]> Scenarios => Arb.From(Gen.ArrayOf(Op));

    [Property(MaxTest = 300)]
    public Property no_approved_order_ever_breaks_a_limit() => Prop.ForAll(Scenarios, ops =>
    {
        foreach (var step in RiskScenario.Run(ops))
        {
            Assert.Empty(step.BrokenBookLimits);
            if (step.Decision?.Final is not { } final)
            {
                continue;
            }

            var last = step.LastTrade!.Value;
            Assert.False(step.KillSwitchBefore);
            Assert.NotEqual(TradingState.Halted, step.StateBefore);
            Assert.True(OrderGrid.IsOnTick(final.LimitPrice, TestMarkets.Btc.TickSize));
            Assert.InRange(final.Size, TestMarkets.Btc.MinOrderSize, decimal.MaxValue);
            Assert.True(Math.Abs(final.LimitPrice - last.Price) <= RiskScenario.Limits.PriceBand);
            Assert.True(step.Now - last.At <= TimeSpan.FromSeconds(RiskScenario.Limits.MaxPriceAgeSeconds!.Value));
            if (final.Side == Side.Buy)
            {
                Assert.True(final.Size * final.LimitPrice <= RiskScenario.Limits.MaxOrderNotional);
                Assert.True(step.LossBefore < RiskScenario.Limits.DailyLossLimit);
            }
        }
    });

    [Property(MaxTest = 300)]
    public Property a_reshaped_size_never_exceeds_the_original() => Prop.ForAll(Scenarios, ops =>
    {
        foreach (var decision in RiskScenario.Run(ops).Select(s => s.Decision).OfType<RiskDecision>())
        {
            Assert.True(decision.Final is null || decision.Final.Size <= decision.Original.Size);
            if (decision.Outcome == RiskOutcome.Reshaped)
            {
                Assert.True(decision.Final!.Size < decision.Original.Size);
                Assert.Equal(decision.Original with { Size = decision.Final.Size }, decision.Final);
                Assert.StartsWith("RISK_", decision.BindingLimit, StringComparison.Ordinal);
            }
        }
    });

    [Property(MaxTest = 300)]
    public Property reducing_never_increases_exposure() => Prop.ForAll(Scenarios, ops =>
    {
        foreach (var step in RiskScenario.Run(ops).Where(s => s.StateBefore == TradingState.Reducing && s.Decision is not null))
        {
            Assert.True(step.Decision!.Final is null || step.Decision.Final.Side == Side.Sell);
            Assert.True(step.GrossAfter <= step.GrossBefore);
        }
    });

    [Property(MaxTest = 100)]
    public Property the_same_inputs_always_give_the_same_decisions() => Prop.ForAll(Scenarios, ops =>
    {
        var first = new DecisionLog();
        var second = new DecisionLog();
        RiskScenario.Run(ops, first);
        RiskScenario.Run(ops, second);
        Assert.Equal(first.Lines, second.Lines);
    });

    [Fact]
    public void scenarios_reach_every_outcome_and_the_reducing_state()
    {
        // Guards the generator (fixed seed): properties over scenarios that never reshape or reduce would prove little.
        var steps = Gen.Sample(Gen.ArrayOf(Op, 200), 50, new Rnd(20260302UL), 20).SelectMany(ops => RiskScenario.Run(ops)).ToList();
        var outcomes = steps.Select(s => s.Decision?.Outcome).OfType<RiskOutcome>().ToHashSet();

        Assert.Equal([RiskOutcome.Approved, RiskOutcome.Reshaped, RiskOutcome.Rejected], outcomes.Order());
        Assert.Contains(steps, s => s.StateBefore == TradingState.Reducing && s.Decision?.Final is not null);
        Assert.Contains(steps, s => s.Decision?.ReasonCode == ReasonCodes.RiskDailyLossLimit);
    }
}
