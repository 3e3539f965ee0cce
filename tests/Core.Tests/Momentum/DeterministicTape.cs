using Polytraders.Contracts;
using Polytraders.Trading.Intelligence;

namespace Polytraders.Core.Tests.Momentum;

/// <summary>
/// Knuth's MMIX linear congruential generator: integers only, so the tape is the same on every machine and runtime
/// (System.Random's algorithm is not a contract, doubles are not wanted near prices).
/// </summary>
internal sealed class Lcg(ulong seed)
{
    private ulong _state = seed;

    /// <summary>A value in [0, bound), from the high bits, which are the well-mixed ones of an LCG.</summary>
    public int Next(int bound)
    {
        _state = unchecked((_state * 6364136223846793005UL) + 1442695040888963407UL);
        return (int)((_state >> 33) % (ulong)bound);
    }

    /// <summary>A value in [min, max].</summary>
    public int Between(int min, int max) => min + Next(max - min + 1);
}

/// <summary>
/// A price tape of several markets built from one seed: a random walk in thousandths with trend regimes that change
/// every few dozen ticks (so momentum has something to find), a book around the price, sizes, volume and, now and
/// then, a reference price. Ticks of all markets are interleaved in time order, 20 seconds per round.
/// </summary>
internal static class DeterministicTape
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public static List<MarketTick> Build(ulong seed, IReadOnlyList<Market> markets, int rounds)
    {
        var random = new Lcg(seed);
        var prices = markets.Select(_ => random.Between(300, 700)).ToArray();
        var drifts = new int[markets.Count];
        var tape = new List<MarketTick>(markets.Count * rounds);
        for (var round = 0; round < rounds; round++)
        {
            for (var m = 0; m < markets.Count; m++)
            {
                if (random.Next(40) == 0)
                {
                    drifts[m] = random.Between(-3, 3);
                }

                prices[m] = Math.Clamp(prices[m] + drifts[m] + random.Between(-4, 4), 30, 970);
                var price = prices[m] / 1000m;
                var halfSpread = random.Between(1, 3) / 100m;
                tape.Add(new MarketTick(
                    markets[m].MarketId,
                    markets[m].Outcomes[0].TokenId,
                    Start.AddSeconds((20 * round) + m),
                    price,
                    BestBid: Math.Max(0.01m, Math.Floor(price * 100m) / 100m - halfSpread + 0.01m),
                    BestAsk: Math.Min(0.99m, Math.Ceiling(price * 100m) / 100m + halfSpread - 0.01m),
                    BidSize: random.Between(20, 500),
                    AskSize: random.Between(20, 500),
                    Volume: random.Between(0, 120),
                    EndDate: markets[m].EndDate,
                    ReferencePrice: random.Next(10) == 0 ? (prices[m] + random.Between(-30, 30)) / 1000m : null));
            }
        }

        return tape;
    }
}
