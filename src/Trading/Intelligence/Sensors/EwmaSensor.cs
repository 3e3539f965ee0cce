using Polytraders.Contracts;

namespace Polytraders.Trading.Intelligence;

/// <summary>
/// Exponentially weighted moving average of the price with alpha = 2 / (lookback + 1), the usual span convention.
/// It updates from the first tick but withholds its value until it has seen <c>lookback</c> ticks, because an average
/// still dominated by its seed is not yet a trend.
/// </summary>
public sealed class EwmaSensor : Sensor
{
    private readonly Fixed _alpha;
    private readonly int _lookback;
    private Fixed _average;
    private int _seen;

    public EwmaSensor(string name, int lookback)
        : base(Observation.Missing(ReasonCodes.IntelInsufficientHistory))
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(lookback, 1);
        Name = name;
        _lookback = lookback;
        _alpha = (Fixed)2 / (lookback + 1);
    }

    public override string Name { get; }

    public override void Observe(in MarketTick tick)
    {
        var price = tick.PriceReading;
        _average = _seen == 0 ? price : _average + (_alpha * (price - _average));
        if (_seen < _lookback)
        {
            _seen++;
        }

        Current = _seen >= _lookback
            ? Observation.Of(_average)
            : Observation.Missing(ReasonCodes.IntelInsufficientHistory);
    }
}
