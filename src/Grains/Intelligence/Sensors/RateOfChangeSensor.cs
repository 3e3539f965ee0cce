using Polytraders.Contracts;

namespace Polytraders.Grains.Intelligence;

/// <summary>
/// Price now minus price <c>lookback</c> ticks ago, in probability points. Absolute rather than relative change,
/// because a move from 0.02 to 0.04 is not a hundred times a move from 0.50 to 0.52 in a binary market.
/// </summary>
public sealed class RateOfChangeSensor(int lookback) : ISensor
{
    private readonly PriceWindow _window = new(lookback + 1);

    public string Name => "rate_of_change";

    public Observation Current { get; private set; } = Observation.Missing(ReasonCodes.IntelInsufficientHistory);

    public void Observe(in MarketTick tick)
    {
        _window.Push(tick.Price);
        Current = _window.IsFull
            ? Observation.Of(tick.Price - _window.Oldest)
            : Observation.Missing(ReasonCodes.IntelInsufficientHistory);
    }
}
