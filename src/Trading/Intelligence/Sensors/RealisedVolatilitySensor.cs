using Polytraders.Contracts;

namespace Polytraders.Trading.Intelligence;

/// <summary>
/// Root mean square of the last <c>lookback</c> tick-to-tick price changes, in probability points per tick. Mean
/// taken as zero, the usual realised-volatility convention over short windows, so the running sum of squares is all
/// the state it needs.
/// </summary>
public sealed class RealisedVolatilitySensor : Sensor
{
    private readonly RollingSum<Fixed> _squaredChanges;
    private Fixed? _previous;

    public RealisedVolatilitySensor(int lookback)
        : base(Observation.Missing(ReasonCodes.IntelInsufficientHistory))
    {
        _squaredChanges = new RollingSum<Fixed>(lookback);
    }

    public override string Name => "realised_volatility";

    public override void Observe(in MarketTick tick)
    {
        var price = tick.PriceReading;
        if (_previous is { } previous)
        {
            var change = price - previous;
            _squaredChanges.Push(change * change);
        }

        _previous = price;
        Current = _squaredChanges.IsFull
            ? Observation.Of(Fixed.Sqrt(_squaredChanges.Sum / _squaredChanges.Capacity))
            : Observation.Missing(ReasonCodes.IntelInsufficientHistory);
    }
}
