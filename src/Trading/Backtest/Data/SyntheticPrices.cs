using Polytraders.Contracts;

namespace Polytraders.Trading.Backtest.Data;

/// <summary>
/// Deterministic synthetic markets and one-minute price histories for load runs and tests (nobody traded these prices):
/// a random walk in ticks with drift regimes from Knuth's MMIX linear congruential generator, integers only, so every
/// machine and runtime produces the same points. Generated on the fly, one point ahead per market.
/// </summary>
public static class SyntheticPrices
{
    public const string ClusterId = "synthetic";

    public static readonly DateTimeOffset DefaultStart = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static List<Market> Markets(int count) => Enumerable.Range(1, count).Select(i => new Market
    {
        MarketId = "0x" + (0x5000 + i).ToString("x64", System.Globalization.CultureInfo.InvariantCulture),
        Question = $"Synthetic market {i}?",
        Outcomes = [new Outcome { Name = "Yes", TokenId = (900_000 + (2 * i)).ToString(System.Globalization.CultureInfo.InvariantCulture) }, new Outcome { Name = "No", TokenId = (900_001 + (2 * i)).ToString(System.Globalization.CultureInfo.InvariantCulture) }],
        // The walks move in thousandths (Levels): their prices sit on this grid, so a load run reads no off-tick warning.
        TickSize = 0.001m,
        MinOrderSize = 5m,
        NegRisk = false,
        EndDate = new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero),
        Status = MarketStatus.Open,
        ClusterIds = [ClusterId],
    }).ToList();

    public static Cluster Cluster(IReadOnlyList<Market> markets) => new()
    {
        ClusterId = ClusterId,
        Name = "Synthetic load markets",
        Taxonomy = "crypto/synthetic",
        MarketIds = [.. markets.Select(m => m.MarketId)],
        MaxExposure = 1_000_000m,
        Disclosure = "Synthetic prices generated for load runs; not real Polymarket data.",
    };

    /// <summary>One source per market (its Yes token): <paramref name="points"/> points a minute apart from <paramref name="start"/>.</summary>
    public static List<IPriceSource> Sources(int markets, int points, ulong seed, DateTimeOffset? start = null) =>
        Enumerable.Range(0, markets).Select(m => (IPriceSource)new Walk(m, (start ?? DefaultStart).UtcTicks, points, seed + (ulong)m)).ToList();

    // Every price a walk can reach, in thousandths, divided once: the load generator should cost little next to the run.
    private static readonly decimal[] Levels = [.. Enumerable.Range(0, 1001).Select(level => level / 1000m)];

    private sealed class Walk(int market, long startTicks, int points, ulong seed) : IPriceSource
    {
        private ulong _state = seed * 0x9E3779B97F4A7C15UL;
        private int _index;
        private int _level = 300 + (int)(seed % 400);
        private int _drift;

        public string Name => $"synthetic-{market}";

        public BacktestPoint Current { get; private set; }

        public bool MoveNext()
        {
            if (_index >= points)
            {
                return false;
            }

            if (Next(60) == 0)
            {
                _drift = Next(7) - 3;
            }

            _level = Math.Clamp(_level + ((_drift + Next(9) - 4) / 2), 20, 980);
            Current = new BacktestPoint(startTicks + (_index * TimeSpan.TicksPerMinute), market, 0, Levels[_level]);
            _index++;
            return true;
        }

        public void Dispose()
        {
        }

        private int Next(int bound)
        {
            _state = unchecked((_state * 6364136223846793005UL) + 1442695040888963407UL);
            return (int)((_state >> 33) % (ulong)bound);
        }
    }

    /// <summary>The Strategy the load runs (CLI <c>--synthetic</c>, bench) trade with: a crypto momentum on the synthetic Cluster.</summary>
    public static StrategyLaunch LoadLaunch() => new()
    {
        StrategyId = "momentum-load-1",
        Family = StrategyLaunchFamily.Momentum,
        Version = "1.0.0",
        Parameters = new MomentumParameters { FastLookback = 5, SlowLookback = 20, EntryThreshold = 0.3m, ExitThreshold = -0.1m, TakeProfit = 0.04m, MaxHoldingMinutes = 240, OrderSize = 50m },
        MarketScope = new MarketScope { Mode = ScopeMode.Cluster, ClusterId = SyntheticPrices.ClusterId },
        PortfolioId = "PORT-900",
        Mode = LaunchMode.Paper,
        DomainPack = StrategyLaunchDomainPack.Crypto,
    };

    /// <summary>A Portfolio roomy enough that the load exercises every decision path rather than one limit.</summary>
    public static PortfolioConfig LoadPortfolio() => new()
    {
        PortfolioId = "PORT-900",
        TenantId = "TEN-LOAD",
        Name = "Synthetic load Portfolio",
        BaseCurrency = PortfolioConfigBaseCurrency.PUSD,
        Bankroll = 100_000m,
        BuilderCode = "0x706f6c7974726164657273000000000000000000000000000000000000000001",
        RiskLimits = new RiskLimits { MaxOrderNotional = 500m, MaxPositionPerMarket = 2_000m, MaxGrossExposure = 50_000m, DailyLossLimit = 5_000m, MaxOrdersPerMinute = 600, MaxPriceAgeSeconds = 900, PriceBand = 0.1m },
        ClusterCaps = [],
        Status = PortfolioConfigStatus.Active,
    };
}
