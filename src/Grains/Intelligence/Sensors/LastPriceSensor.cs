using Polytraders.Contracts;

namespace Polytraders.Grains.Intelligence;

/// <summary>The last trade price of the token: the input every trend reading starts from.</summary>
public sealed class LastPriceSensor : ISensor
{
    public string Name => "last_price";

    public Observation Current { get; private set; } = Observation.Missing(ReasonCodes.IntelInsufficientHistory);

    public void Observe(in MarketTick tick) => Current = Observation.Of(tick.Price);
}
