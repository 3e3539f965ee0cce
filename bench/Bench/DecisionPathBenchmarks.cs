using BenchmarkDotNet.Attributes;
using Polytraders.Contracts;
using Polytraders.Trading.Intelligence;
using Polytraders.Trading.Momentum;
using Polytraders.Trading.Risk;
using Polytraders.Trading.Venues;

namespace Polytraders.Bench;

/// <summary>
/// The decision path of one market per tick: sensors, valuators, combiner, momentum policy, and risk (with an
/// immediate fill at the approved limit) when the policy decides to trade. Figures are per tick.
/// <c>QuietTick</c> runs a tape whose score never reaches a threshold, so no tick decides anything: the target there
/// is zero bytes allocated. <c>TradingTick</c> runs a trending tape with entries and exits, and amortises the cost
/// of intents, risk decisions and fills over all ticks.
/// </summary>
[MemoryDiagnoser]
public class DecisionPathBenchmarks
{
    private const int TicksPerInvoke = 1024;

    private static readonly Market Market = new()
    {
        MarketId = "0x" + new string('b', 64),
        Question = "Benchmark market?",
        Outcomes = [new Outcome { Name = "Yes", TokenId = "1001" }, new Outcome { Name = "No", TokenId = "1002" }],
        TickSize = 0.01m,
        MinOrderSize = 5m,
        NegRisk = false,
        // Far away: a benchmark run ticks through years of simulated time, and a market past its end date has no
        // resolution confidence left, which would silence the politics pack.
        EndDate = new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero),
        Status = MarketStatus.Open,
        ClusterIds = ["crypto"],
    };

    private readonly decimal[] _quietPrices = new decimal[TicksPerInvoke];
    private readonly decimal[] _trendingPrices = new decimal[TicksPerInvoke];
    private DecisionPath _quiet = null!;
    private DecisionPath _trading = null!;

    [Params("crypto", "politics")]
    public string Pack { get; set; } = "crypto";

    [GlobalSetup]
    public void Setup()
    {
        // Quiet: one tick up, one down, around 0.5; trending: a seeded walk with drift regimes, in thousandths.
        var state = 7UL;
        var price = 500;
        var drift = 0;
        for (var i = 0; i < TicksPerInvoke; i++)
        {
            _quietPrices[i] = i % 2 == 0 ? 0.500m : 0.501m;
            if (Next(ref state, 40) == 0)
            {
                drift = Next(ref state, 7) - 3;
            }

            price = Math.Clamp(price + drift + Next(ref state, 9) - 4, 50, 950);
            _trendingPrices[i] = price / 1000m;
        }

        _quiet = new DecisionPath(Pack, Parameters(entryThreshold: 1m, exitThreshold: -1m));
        _trading = new DecisionPath(Pack, Parameters(entryThreshold: 0.3m, exitThreshold: -0.1m));
        for (var i = 0; i < 4; i++)
        {
            QuietTick();
            TradingTick();
        }
    }

    [Benchmark(OperationsPerInvoke = TicksPerInvoke)]
    public int QuietTick() => _quiet.Run(_quietPrices);

    [Benchmark(OperationsPerInvoke = TicksPerInvoke)]
    public int TradingTick() => _trading.Run(_trendingPrices);

    private static MomentumParameters Parameters(decimal entryThreshold, decimal exitThreshold) => new()
    {
        FastLookback = 5,
        SlowLookback = 20,
        EntryThreshold = entryThreshold,
        ExitThreshold = exitThreshold,
        TakeProfit = 0.04m,
        MaxHoldingMinutes = 45,
        OrderSize = 15m,
    };

    /// <summary>Knuth's MMIX LCG: the same tape on every run, without System.Random or doubles.</summary>
    private static int Next(ref ulong state, int bound)
    {
        state = unchecked((state * 6364136223846793005UL) + 1442695040888963407UL);
        return (int)((state >> 33) % (ulong)bound);
    }

    /// <summary>One Strategy and one risk engine on one market, with a clock that only moves forward across runs.</summary>
    private sealed class DecisionPath
    {
        private readonly MomentumStrategy _strategy;
        private readonly RiskEngine _risk;
        private DateTimeOffset _clock = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);

        public DecisionPath(string pack, MomentumParameters parameters)
        {
            _strategy = new MomentumStrategy(
                new MomentumIdentity("PORT-001", "momentum-bench-1", "LCH-bench-0001"),
                parameters,
                DomainPack.Create(pack, IntelligenceSettings.For(parameters)));
            _strategy.AddMarket(Market);
            _risk = new RiskEngine(
                new RiskLimits
                {
                    MaxOrderNotional = 40m,
                    MaxPositionPerMarket = 30m,
                    MaxGrossExposure = 40m,
                    DailyLossLimit = 1_000_000m,
                    MaxOrdersPerMinute = 600,
                    MaxPriceAgeSeconds = 120,
                    PriceBand = 0.05m,
                },
                [],
                RiskBook.Opening(1_000_000m));
        }

        /// <summary>Runs every price as the next tick; returns the number of intents so the work cannot be elided.</summary>
        public int Run(decimal[] prices)
        {
            var intents = 0;
            foreach (var price in prices)
            {
                _clock = _clock.AddSeconds(1);
                var tick = new MarketTick(
                    Market.MarketId,
                    "1001",
                    _clock,
                    price,
                    BestBid: price - 0.01m,
                    BestAsk: price + 0.01m,
                    BidSize: 200m,
                    AskSize: 150m,
                    Volume: 60m,
                    EndDate: Market.EndDate,
                    ReferencePrice: price + 0.01m);
                if (_strategy.OnTick(tick).Intent is { } intent)
                {
                    intents++;
                    Trade(intent, tick);
                }
            }

            return intents;
        }

        /// <summary>Risk, then an immediate fill at the approved limit, reported back to risk and the Strategy.</summary>
        private void Trade(OrderIntent intent, in MarketTick tick)
        {
            var decision = _risk.Evaluate(intent, Market, new LastTrade(tick.Price, tick.Timestamp), tick.Timestamp);
            if (decision.Final is not { } final)
            {
                _strategy.OnRejected(intent.ClientOrderId);
                return;
            }

            _risk.ApplyFill(SimulatedFill.Of(final, final.Size, final.LimitPrice, fee: 0m, tick.Timestamp, FillVenue.Paper), Market, tick.Timestamp);
            _strategy.OnFill(final.ClientOrderId, final.Side, final.Size, final.LimitPrice, tick.Timestamp);
        }
    }
}
