using Polytraders.Contracts;

namespace Polytraders.Grains.Intelligence;

/// <summary>
/// Where the price sits in the range of the previous <c>lookback</c> prices: -1 at the low, +1 at the high, and full
/// conviction beyond either (a breakout). A flat range carries no direction, so it scores zero.
/// </summary>
public sealed class BreakoutMomentum(ISensor price, int lookback) : IValuator
{
    private readonly SlidingExtremes _range = new(lookback);

    // Prices, and so the distances from the low and the range's width, are whole ticks: the division behind each
    // pair is done once.
    private readonly DecimalPairMemo _scoreOf = new(static (fromLow, width) => ((2m * fromLow) / width) - 1m);

    public string Name => "breakout_momentum";

    public Valuation Valuate()
    {
        if (price.Current.Value is not { } now)
        {
            return Valuation.Abstain(ScoreType.Momentum, price.Current.ReasonCode ?? ReasonCodes.IntelInsufficientHistory);
        }

        // The range is of the prices before this one, so a new high is measured against the old range.
        var valuation = _range.IsFull
            ? Valuation.Of(ScoreType.Momentum, PositionInRange(now, _range.Lowest, _range.Highest))
            : Valuation.Abstain(ScoreType.Momentum, ReasonCodes.IntelInsufficientHistory);
        _range.Push(now);
        return valuation;
    }

    private decimal PositionInRange(decimal now, decimal low, decimal high) =>
        high > low ? _scoreOf[now - low, high - low] : 0m;
}
