using Polytraders.Contracts;

namespace Polytraders.Trading.Intelligence;

/// <summary>Reads the top of the book from a tick, so every book sensor agrees on what "no book" and "wide" mean.</summary>
public static class BookQuote
{
    /// <summary>Both sides quoted and not crossed; a crossed book is a feed glitch, not a price to trust.</summary>
    public static bool TryRead(in MarketTick tick, out Fixed bid, out Fixed ask)
    {
        if (tick.BestBid is not { } bestBid || tick.BestAsk is not { } bestAsk || bestBid > bestAsk)
        {
            bid = ask = Fixed.Zero;
            return false;
        }

        bid = Fixed.From(bestBid);
        ask = Fixed.From(bestAsk);
        return true;
    }

    /// <summary>A clean observation, or a degraded one flagged DISC_WIDE_SPREAD when the spread exceeds the limit.</summary>
    public static Observation Flag(Fixed value, Fixed spread, Fixed widestTrusted) =>
        spread > widestTrusted ? Observation.Degraded(value, ReasonCodes.DiscWideSpread) : Observation.Of(value);
}
