using Polytraders.Contracts;

namespace Polytraders.Bench.Cluster;

/// <summary>
/// A price tape for the tick path and its raw baseline: the price of every market at every round, and the update that
/// carries it. Round r of every market is stamped one minute after round r - 1 (the one-minute bars of the load runs),
/// from an origin at the run's start, and carries sequence r + 1, so a tape that continues another keeps both rising.
/// Updates carry a best bid and ask a cent either side (the intelligence packs trust a tight book) without sizes, so
/// the paper venue fills a marketable order against the last price.
/// </summary>
internal sealed class TickTape(string name, Func<int, long, int> centsOf)
{
    /// <summary>Flat at 50 cents: no trend, so no score ever reaches a threshold and no Strategy decides anything.</summary>
    public static TickTape Quiet { get; } = new("quiet", (_, _) => 50);

    /// <summary>
    /// A zigzag of one-cent steps, <paramref name="legRounds"/> rounds up then as many down, each market at its own
    /// phase so the markets do not turn together. Every up leg crosses the load launch's entry threshold and reaches its
    /// take-profit, every down leg its exit threshold: with legs of 10 and fills at once, the momentum core decides an
    /// intent on about one tick in five per market. In the cluster a market then waits for its order's fill or
    /// rejection, so the faster risk and execution keep up, the more this tape trades: a stress of the order path, with
    /// Signals well under half of what is recorded.
    /// </summary>
    public static TickTape Trending(int legRounds) => new("order-heavy", (market, round) =>
    {
        var cycle = 2 * legRounds;
        var at = (int)((round + (market * 7L)) % cycle);
        return 40 + (at < legRounds ? at : cycle - at);
    });

    /// <summary>
    /// A quiet market that drifts: a cent up every <paramref name="stepRounds"/> rounds, and a print a cent above the
    /// level every <paramref name="blipRounds"/> rounds (each market at its own phase). The blips keep moving the score
    /// across its zones, so the Strategies record a Signal on most blips; the steps make them enter, and a position's
    /// take-profit or holding limit makes them leave, a few times per market in a tape. Signals are then most of what is
    /// recorded (the run prints the share), as in the measurement of trading ticks.
    /// </summary>
    public static TickTape Drifting(int stepRounds, int blipRounds) => new("trading", (market, round) =>
        40 + (int)((round + (market * 7L)) / stepRounds) + ((round + market) % blipRounds == 0 ? 1 : 0));

    public string Name { get; } = name;

    public PriceUpdate Tick(Market market, int marketIndex, long round, DateTimeOffset origin)
    {
        var price = centsOf(marketIndex, round) / 100m;
        return new PriceUpdate
        {
            MarketId = market.MarketId,
            TokenId = market.Outcomes[0].TokenId,
            Price = price,
            BestBid = price - 0.01m,
            BestAsk = price + 0.01m,
            Volume = 60m,
            Timestamp = origin.AddMinutes(round),
            Sequence = round + 1,
            Source = PriceUpdateSource.Replay,
        };
    }
}
