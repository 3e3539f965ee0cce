using Polytraders.Contracts;
using Polytraders.Trading.Backtest.Data;

namespace Polytraders.Bench.Cluster;

/// <summary>
/// The shape both the raw stream baseline and the tick path run: the measurement of the issue, 50 markets in one Cluster
/// and 10 Strategies scoped to that Cluster, so every update reaches 10 subscribers. The markets are the load runs'
/// synthetic markets (<see cref="SyntheticPrices"/>).
/// </summary>
internal sealed class TickScenario
{
    public const int MarketCount = 50;
    public const int SubscribersPerMarket = 10;

    /// <summary>Rounds of the trading tape before it is measured: risk, execution and the audit trail run once first.</summary>
    public const int WarmupRounds = 20;

    /// <summary>Measurements of the raw stream and of the quiet tape, alternating; each keeps its best.</summary>
    public const int Repetitions = 3;

    public IReadOnlyList<Market> Markets { get; } = SyntheticPrices.Markets(MarketCount);

    /// <summary>Wall-clock minute of the run's start: ticks are stamped from here, so risk sees fresh prices.</summary>
    public DateTimeOffset Origin { get; } = DateTimeOffset.UtcNow;

    public string Shape => $"{MarketCount} markets x {SubscribersPerMarket} subscribers";

    public int RoundsFor(int ticks) => Math.Max(1, ticks / MarketCount);
}
