using Polytraders.Contracts;

namespace Polytraders.Trading.Intelligence;

/// <summary>
/// Price now minus price <c>lookback</c> ticks ago, in probability points. Absolute rather than relative change,
/// because a move from 0.02 to 0.04 is not a hundred times a move from 0.50 to 0.52 in a binary market.
/// </summary>
public sealed class RateOfChangeSensor(int lookback) : Sensor(Observation.Missing(ReasonCodes.IntelInsufficientHistory))
{
    private readonly PriceWindow _window = new(lookback + 1);

    public override string Name => "rate_of_change";

    public override void Observe(in MarketTick tick)
    {
        var price = tick.PriceReading;
        _window.Push(price);
        Current = _window.IsFull
            ? Observation.Of(price - _window.Oldest)
            : Observation.Missing(ReasonCodes.IntelInsufficientHistory);
    }
}
