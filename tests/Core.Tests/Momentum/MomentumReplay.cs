using Polytraders.Contracts;
using Polytraders.Trading.Intelligence;
using Polytraders.Trading.Momentum;
using Polytraders.Trading.Risk;
using Polytraders.Trading.Scope;
using Polytraders.Trading.Venues;

namespace Polytraders.Core.Tests.Momentum;

/// <summary>
/// Two momentum Strategies (crypto pack and politics pack, each on its own Portfolio and risk engine) over one
/// deterministic tape of three markets, with immediate fills at the approved limit. Midway one market leaves the
/// crypto cluster and another resolves with its book still open, and an operator holds the crypto Portfolio in
/// REDUCING for a while, so scope exits and refusals are on the tape too.
/// </summary>
internal static class MomentumReplay
{
    public const ulong Seed = 20260302;
    public const int Rounds = 1500;
    private const int LeaveRound = 1000;
    private const int ResolveRound = 1400;
    private const int ReducingFromRound = 600;
    private const int ReducingUntilRound = 800;

    public static readonly Market[] Markets = [TestMarkets.Btc, TestMarkets.Eth, TestMarkets.Election];

    public static readonly MomentumParameters Parameters = new()
    {
        FastLookback = 5,
        SlowLookback = 20,
        EntryThreshold = 0.3m,
        ExitThreshold = -0.1m,
        TakeProfit = 0.04m,
        MaxHoldingMinutes = 45,
        OrderSize = 15m,
    };

    public static readonly RiskLimits Limits = new()
    {
        MaxOrderNotional = 40m,
        MaxPositionPerMarket = 30m,
        MaxGrossExposure = 40m,
        DailyLossLimit = 12m,
        MaxOrdersPerMinute = 30,
        MaxPriceAgeSeconds = 120,
        PriceBand = 0.05m,
    };

    public static DecisionLog Run()
    {
        var log = new DecisionLog();
        var runs = new[]
        {
            new PortfolioRun(StrategyLaunchDomainPack.Crypto, new MomentumIdentity("PORT-001", "momentum-crypto-1", "LCH-replay-crypto"), log),
            new PortfolioRun(StrategyLaunchDomainPack.Politics, new MomentumIdentity("PORT-002", "momentum-politics-1", "LCH-replay-politics"), log),
        };

        var tape = DeterministicTape.Build(Seed, Markets, Rounds);
        for (var i = 0; i < tape.Count; i++)
        {
            var tick = tape[i];
            if (i == LeaveRound * Markets.Length)
            {
                Array.ForEach(runs, run => run.Leave(new ScopeChange(TestMarkets.Eth.MarketId, ScopeChangeKind.Left, AuditPayloadCause.ClusterRemoval), tick.Timestamp));
            }

            if (i == ResolveRound * Markets.Length)
            {
                Array.ForEach(runs, run => run.Leave(new ScopeChange(TestMarkets.Election.MarketId, ScopeChangeKind.Left, AuditPayloadCause.Resolution), tick.Timestamp));
            }

            if (i == ReducingFromRound * Markets.Length || i == ReducingUntilRound * Markets.Length)
            {
                runs[0].SetTradingState(i == ReducingFromRound * Markets.Length ? TradingState.Reducing : TradingState.Active, tick.Timestamp);
            }

            Array.ForEach(runs, run => run.OnTick(tick));
        }

        return log;
    }

    private sealed class PortfolioRun
    {
        private readonly MomentumStrategy _strategy;
        private readonly RiskEngine _risk = new(Limits, [new ClusterCap { ClusterId = "crypto", MaxExposure = 25m }], RiskBook.Opening(500m));
        private readonly Dictionary<string, LastTrade> _lastTrades = [];
        private readonly DecisionLog _log;

        public PortfolioRun(StrategyLaunchDomainPack pack, MomentumIdentity identity, DecisionLog log)
        {
            _strategy = new MomentumStrategy(identity, Parameters, DomainPack.Create(pack, Parameters));
            Array.ForEach(Markets, market => _strategy.AddMarket(market));
            _log = log;
        }

        public void OnTick(in MarketTick tick)
        {
            _lastTrades[tick.MarketId] = new LastTrade(tick.Price, tick.Timestamp);
            Handle(_strategy.OnTick(tick), tick.Timestamp);
        }

        public void SetTradingState(TradingState state, DateTimeOffset now)
        {
            if (_risk.SetTradingState(state, "operator") is { } transition)
            {
                _log.Add(transition, now);
            }
        }

        public void Leave(ScopeChange change, DateTimeOffset now) => Handle(_strategy.LeaveMarket(change, bookOpen: true, now), now);

        /// <summary>Logs the step and sends its intent through risk; what passes fills at once at its limit.</summary>
        private void Handle(StrategyStep step, DateTimeOffset now)
        {
            _log.Add(step);
            if (step.Intent is not { } intent)
            {
                return;
            }

            var market = Markets.Single(m => m.MarketId == intent.MarketId);
            var decision = _risk.Evaluate(intent, market, _lastTrades.TryGetValue(intent.MarketId, out var last) ? last : null, now);
            _log.Add(decision);
            if (decision.Final is not { } final)
            {
                Handle(_strategy.OnRejected(intent.ClientOrderId), now);
                return;
            }

            var fill = SimulatedFill.Of(final, final.Size, final.LimitPrice, fee: 0m, now, FillVenue.Backtest);
            if (_risk.ApplyFill(fill, market, now) is { } transition)
            {
                _log.Add(transition, now);
            }

            Handle(_strategy.OnFill(final.ClientOrderId, final.Side, final.Size, final.LimitPrice, now), now);
        }
    }
}
