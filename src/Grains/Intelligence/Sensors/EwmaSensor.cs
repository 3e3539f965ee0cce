using Polytraders.Contracts;

namespace Polytraders.Grains.Intelligence;

/// <summary>
/// Exponentially weighted moving average of the price with alpha = 2 / (lookback + 1), the usual span convention.
/// It updates from the first tick but withholds its value until it has seen <c>lookback</c> ticks, because an average
/// still dominated by its seed is not yet a trend.
/// </summary>
public sealed class EwmaSensor : ISensor
{
    private readonly decimal _alpha;
    private readonly int _lookback;
    private decimal _average;
    private int _seen;

    public EwmaSensor(string name, int lookback)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(lookback, 1);
        Name = name;
        _lookback = lookback;
        _alpha = 2m / (lookback + 1);
    }

    public string Name { get; }

    public Observation Current { get; private set; } = Observation.Missing(ReasonCodes.IntelInsufficientHistory);

    public void Observe(in MarketTick tick)
    {
        _average = _seen == 0 ? tick.Price : _average + (_alpha * (tick.Price - _average));
        if (_seen < _lookback)
        {
            _seen++;
        }

        Current = _seen >= _lookback
            ? Observation.Of(_average)
            : Observation.Missing(ReasonCodes.IntelInsufficientHistory);
    }
}
