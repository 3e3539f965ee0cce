using Polytraders.Contracts;

namespace Polytraders.Trading.Intelligence;

/// <summary>
/// Where the price sits in the range of the previous <c>lookback</c> prices: -1 at the low, +1 at the high, and full
/// conviction beyond either (a breakout). A flat range carries no direction, so it scores zero.
/// </summary>
public sealed class BreakoutMomentum(Sensor price, int lookback) : Valuator
{
    private readonly SlidingExtremes _range = new(lookback);

    public override string Name => "breakout_momentum";

    public override Valuation Valuate()
    {
        if (price.Current.Reading is not { } now)
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

    private static Fixed PositionInRange(Fixed now, Fixed low, Fixed high) =>
        high > low ? ((2 * (now - low)) / (high - low)) - 1 : Fixed.Zero;
}
