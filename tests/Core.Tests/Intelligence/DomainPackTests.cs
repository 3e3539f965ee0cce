using System.Text.RegularExpressions;
using Polytraders.Contracts;
using Polytraders.Trading.Intelligence;

namespace Polytraders.Core.Tests.Intelligence;

public class DomainPackTests
{
    private static readonly IntelligenceSettings Settings = new() { FastLookback = 3, SlowLookback = 8 };

    [Fact]
    public void crypto_pack_has_seven_sensors_seven_valuators_and_three_combiners()
    {
        var pack = DomainPack.Create("crypto", Settings);
        Assert.Equal(["last_price", "spread", "book_imbalance", "ewma_fast", "ewma_slow", "rate_of_change", "realised_volatility"], pack.SensorNames);
        Assert.Equal(
            ["ewma_crossover_momentum", "rate_of_change_momentum", "breakout_momentum", "book_imbalance_pressure", "trend_edge_after_spread", "volatility_confidence", "spread_confidence"],
            pack.ValuatorNames);
        Assert.Equal(["weighted_mean", "confidence_gated", "majority_vote"], pack.CombinerNames);
    }

    [Fact]
    public void politics_pack_has_eight_sensors_nine_valuators_and_three_combiners()
    {
        var pack = DomainPack.Create("politics", Settings);
        Assert.Equal(["last_price", "mid_price", "spread", "volume", "time_to_resolution", "ewma_fast", "ewma_slow", "reference_price"], pack.SensorNames);
        Assert.Equal(9, pack.ValuatorNames.Count);
        Assert.Equal(3, pack.CombinerNames.Count);
    }

    [Fact]
    public void a_pack_is_chosen_by_name_case_insensitively_and_an_unknown_name_is_refused()
    {
        Assert.Equal("politics", DomainPack.Create("Politics", Settings).Name);
        Assert.Throws<ArgumentException>(() => DomainPack.Create("sports", Settings));
    }

    [Fact]
    public void a_launch_chooses_its_pack_and_lookbacks()
    {
        var parameters = new MomentumParameters
        {
            FastLookback = 5,
            SlowLookback = 20,
            EntryThreshold = 0.5m,
            ExitThreshold = -0.1m,
            TakeProfit = 0.05m,
            MaxHoldingMinutes = 60,
            OrderSize = 10m,
        };

        var pack = DomainPack.Create(StrategyLaunchDomainPack.Crypto, parameters);

        Assert.Equal("crypto", pack.Name);
        Assert.Equal((5, 20), (pack.Settings.FastLookback, pack.Settings.SlowLookback));
    }

    [Fact]
    public void pipelines_of_one_pack_keep_separate_histories()
    {
        var pack = DomainPack.Create("crypto", Settings);
        var first = pack.CreatePipeline();
        var second = pack.CreatePipeline();
        first.Evaluate(Ticks.At(0, 0.4m));

        Assert.Equal(0.4m, first.Sensors[0].Current.Value);
        Assert.False(second.Sensors[0].Current.HasValue);
    }

    [Fact]
    public void a_pipeline_uses_the_combiner_it_is_configured_with()
    {
        var pack = DomainPack.Create("politics", Settings);
        Assert.Equal("confidence_gated", pack.CreatePipeline().Combiner.Name);
        Assert.Equal("majority_vote", pack.CreatePipeline("majority_vote").Combiner.Name);
        Assert.Throws<ArgumentException>(() => pack.CreatePipeline("median"));
    }

    [Theory]
    [InlineData("crypto")]
    [InlineData("politics")]
    public void every_signal_input_name_and_reason_code_is_valid_for_the_contract(string name)
    {
        var pipeline = DomainPack.Create(name, Settings).CreatePipeline();
        var inputNames = new Regex("^[a-z][a-z0-9_]{1,63}$");
        for (var i = 0; i < 40; i++)
        {
            var tick = i % 3 == 0
                ? Ticks.At(i, 0.5m + (i / 1000m))
                : Ticks.Book(i, 0.5m + (i / 1000m), 0.49m, 0.52m) with { Volume = 50m, EndDate = Ticks.Start.AddDays(3), ReferencePrice = i % 5 == 0 ? 0.55m : null };
            pipeline.Evaluate(tick);
            var signal = pipeline.ToSignal();

            Assert.All(signal.Inputs, input => Assert.Matches(inputNames, input.Name));
            Assert.All(signal.ReasonCodes, code => Assert.True(ReasonCodes.IsRegistered(code), code));
            Assert.InRange(signal.StrategyScore, -1m, 1m);
        }
    }
}
