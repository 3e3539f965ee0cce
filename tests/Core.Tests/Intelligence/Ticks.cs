using Polytraders.Trading.Intelligence;

namespace Polytraders.Core.Tests.Intelligence;

/// <summary>Ticks of one test market, seconds after a fixed start.</summary>
internal static class Ticks
{
    public const string MarketId = "0xaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    public const string TokenId = "1001";

    public static readonly DateTimeOffset Start = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);

    public static MarketTick At(int second, decimal price) => new(MarketId, TokenId, Start.AddSeconds(second), price);

    public static MarketTick Book(int second, decimal price, decimal bid, decimal ask, decimal bidSize = 100m, decimal askSize = 100m) =>
        At(second, price) with { BestBid = bid, BestAsk = ask, BidSize = bidSize, AskSize = askSize };
}
