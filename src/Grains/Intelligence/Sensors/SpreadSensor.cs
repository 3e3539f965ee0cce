using Polytraders.Contracts;

namespace Polytraders.Grains.Intelligence;

/// <summary>Best ask minus best bid: the round-trip cost of trading now, in probability points.</summary>
public sealed class SpreadSensor(decimal widestTrustedSpread) : ISensor
{
    public string Name => "spread";

    public Observation Current { get; private set; } = Observation.Missing(ReasonCodes.DiscNoBook);

    public void Observe(in MarketTick tick) =>
        Current = BookQuote.TryRead(tick, out var bid, out var ask)
            ? BookQuote.Flag(ask - bid, ask - bid, widestTrustedSpread)
            : Observation.Missing(ReasonCodes.DiscNoBook);
}
