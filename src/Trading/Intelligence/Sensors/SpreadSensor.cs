using Polytraders.Contracts;

namespace Polytraders.Trading.Intelligence;

/// <summary>Best ask minus best bid: the round-trip cost of trading now, in probability points.</summary>
public sealed class SpreadSensor(Fixed widestTrustedSpread) : Sensor(Observation.Missing(ReasonCodes.DiscNoBook))
{
    public override string Name => "spread";

    public override void Observe(in MarketTick tick) =>
        Current = BookQuote.TryRead(tick, out var bid, out var ask)
            ? BookQuote.Flag(ask - bid, ask - bid, widestTrustedSpread)
            : Observation.Missing(ReasonCodes.DiscNoBook);
}
