namespace Polytraders.Trading.Backtest.Data;

/// <summary>
/// One observed price of one outcome token, as the runner consumes it: time in UTC ticks, the market by its index in
/// the data set and the outcome by its index in the market, so the hot path compares integers, never strings. A book
/// snapshot rides along only when the data carries one (it feeds the book sensors and partial fills); kept out of line
/// so the point stays small to copy.
/// </summary>
public readonly record struct BacktestPoint(long UtcTicks, int Market, int Outcome, decimal Price, BookSnapshot? Book = null)
{
    public DateTimeOffset Timestamp => new(UtcTicks, TimeSpan.Zero);

    public decimal? BestBid => Book?.BestBid;

    public decimal? BestAsk => Book?.BestAsk;

    public decimal? BidSize => Book?.BidSize;

    public decimal? AskSize => Book?.AskSize;

    /// <summary>The size a simulated order on <paramref name="side"/> can take from this snapshot: the ask for a BUY, the bid for a SELL.</summary>
    public decimal? Side(Polytraders.Contracts.Side side) => side == Polytraders.Contracts.Side.Buy ? AskSize : BidSize;

    /// <summary>Merge order: time, then market, then outcome, whatever the files' order of ties.</summary>
    public static int Compare(in BacktestPoint a, in BacktestPoint b)
    {
        var byTime = a.UtcTicks.CompareTo(b.UtcTicks);
        if (byTime != 0)
        {
            return byTime;
        }

        var byMarket = a.Market.CompareTo(b.Market);
        return byMarket != 0 ? byMarket : a.Outcome.CompareTo(b.Outcome);
    }
}

/// <summary>The best bid and ask and their sizes at one observation, each missing when the source did not say.</summary>
public sealed record BookSnapshot(decimal? BestBid, decimal? BestAsk, decimal? BidSize, decimal? AskSize);

/// <summary>
/// An ordered stream of price points (one token's history, or a file that is already in time order). Sources validate
/// as they read and throw <see cref="BacktestException"/> with STRAT_BACKTEST_BAD_DATA, naming the file and line.
/// </summary>
public interface IPriceSource : IDisposable
{
    string Name { get; }

    /// <summary>Advances to the next point; false at the end.</summary>
    bool MoveNext();

    BacktestPoint Current { get; }
}
