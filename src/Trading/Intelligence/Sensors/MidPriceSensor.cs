using Polytraders.Contracts;

namespace Polytraders.Trading.Intelligence;

/// <summary>Midpoint of the best bid and ask: where the book, not the last trade, puts the token.</summary>
public sealed class MidPriceSensor(Fixed widestTrustedSpread) : Sensor(Observation.Missing(ReasonCodes.DiscNoBook))
{
    public override string Name => "mid_price";

    public override void Observe(in MarketTick tick) =>
        Current = BookQuote.TryRead(tick, out var bid, out var ask)
            ? BookQuote.Flag((bid + ask) / 2, ask - bid, widestTrustedSpread)
            : Observation.Missing(ReasonCodes.DiscNoBook);
}
