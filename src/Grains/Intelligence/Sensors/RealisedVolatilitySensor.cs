using Polytraders.Contracts;

namespace Polytraders.Grains.Intelligence;

/// <summary>
/// Root mean square of the last <c>lookback</c> tick-to-tick price changes, in probability points per tick. Mean
/// taken as zero, the usual realised-volatility convention over short windows, so the running sum of squares is all
/// the state it needs.
/// </summary>
public sealed class RealisedVolatilitySensor : ISensor
{
    private readonly RollingSum _squaredChanges;

    // Squared changes are multiples of the squared price tick, so the sum repeats and its root is looked up, not recomputed.
    private readonly DecimalMemo _rootMeanOfSum;
    private decimal? _previous;

    public RealisedVolatilitySensor(int lookback)
    {
        _squaredChanges = new RollingSum(lookback);
        decimal capacity = _squaredChanges.Capacity;
        _rootMeanOfSum = new DecimalMemo(sum => ScoreMath.Sqrt(sum / capacity));
    }

    public string Name => "realised_volatility";

    public Observation Current { get; private set; } = Observation.Missing(ReasonCodes.IntelInsufficientHistory);

    public void Observe(in MarketTick tick)
    {
        if (_previous is { } previous)
        {
            var change = tick.Price - previous;
            _squaredChanges.Push(change * change);
        }

        _previous = tick.Price;
        Current = _squaredChanges.IsFull
            ? Observation.Of(_rootMeanOfSum[_squaredChanges.Sum])
            : Observation.Missing(ReasonCodes.IntelInsufficientHistory);
    }
}
