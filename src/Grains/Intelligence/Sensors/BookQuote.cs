using Polytraders.Contracts;

namespace Polytraders.Grains.Intelligence;

/// <summary>Reads the top of the book from a tick, so every book sensor agrees on what "no book" and "wide" mean.</summary>
public static class BookQuote
{
    /// <summary>Both sides quoted and not crossed; a crossed book is a feed glitch, not a price to trust.</summary>
    public static bool TryRead(in MarketTick tick, out decimal bid, out decimal ask)
    {
        bid = tick.BestBid ?? 0m;
        ask = tick.BestAsk ?? 0m;
        return tick.BestBid.HasValue && tick.BestAsk.HasValue && bid <= ask;
    }

    /// <summary>A clean observation, or a degraded one flagged DISC_WIDE_SPREAD when the spread exceeds the limit.</summary>
    public static Observation Flag(decimal value, decimal spread, decimal widestTrusted) =>
        spread > widestTrusted ? Observation.Degraded(value, ReasonCodes.DiscWideSpread) : Observation.Of(value);
}
