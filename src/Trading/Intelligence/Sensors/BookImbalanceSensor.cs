using Polytraders.Contracts;

namespace Polytraders.Trading.Intelligence;

/// <summary>
/// (bid size - ask size) / (bid size + ask size) at the top of the book, in [-1,1]: positive when more shares wait to
/// buy than to sell. Divided in decimal, since sizes may run to 10^15 shares, beyond a tick-path reading.
/// </summary>
public sealed class BookImbalanceSensor() : Sensor(Observation.Missing(ReasonCodes.DiscNoBook))
{
    public override string Name => "book_imbalance";

    public override void Observe(in MarketTick tick)
    {
        var bidSize = tick.BidSize ?? 0m;
        var askSize = tick.AskSize ?? 0m;
        var depth = bidSize + askSize;
        Current = depth > 0m
            ? Observation.Of((bidSize - askSize) / depth)
            : Observation.Missing(ReasonCodes.DiscNoBook);
    }
}
