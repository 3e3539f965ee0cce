using Polytraders.Contracts;

namespace Polytraders.Grains.Intelligence;

/// <summary>Midpoint of the best bid and ask: where the book, not the last trade, puts the token.</summary>
public sealed class MidPriceSensor(decimal widestTrustedSpread) : ISensor
{
    public string Name => "mid_price";

    public Observation Current { get; private set; } = Observation.Missing(ReasonCodes.DiscNoBook);

    public void Observe(in MarketTick tick) =>
        Current = BookQuote.TryRead(tick, out var bid, out var ask)
            ? BookQuote.Flag((bid + ask) / 2m, ask - bid, widestTrustedSpread)
            : Observation.Missing(ReasonCodes.DiscNoBook);
}
