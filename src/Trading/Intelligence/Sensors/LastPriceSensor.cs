using Polytraders.Contracts;

namespace Polytraders.Trading.Intelligence;

/// <summary>The last trade price of the token: the input every trend reading starts from.</summary>
public sealed class LastPriceSensor() : Sensor(Observation.Missing(ReasonCodes.IntelInsufficientHistory))
{
    public override string Name => "last_price";

    public override void Observe(in MarketTick tick) => Current = Observation.Of(tick.PriceReading);
}
