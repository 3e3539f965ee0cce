using Polytraders.Contracts;

namespace Polytraders.Trading.Intelligence;

/// <summary>
/// An external estimate of the token's fair price (spot-implied for crypto, poll-implied for politics). Feeds send it
/// less often than prices, so the last one is kept until it is older than <c>maxAge</c>; after that it is stale.
/// </summary>
public sealed class ReferencePriceSensor(TimeSpan maxAge) : Sensor(Observation.Missing(ReasonCodes.IntelMissingReference))
{
    private Fixed _reference;
    private DateTimeOffset? _receivedAt;

    public override string Name => "reference_price";

    public override void Observe(in MarketTick tick)
    {
        if (tick.ReferencePrice is { } reference)
        {
            _reference = Fixed.From(reference);
            _receivedAt = tick.Timestamp;
        }

        Current = _receivedAt switch
        {
            null => Observation.Missing(ReasonCodes.IntelMissingReference),
            { } receivedAt when tick.Timestamp - receivedAt > maxAge => Observation.Missing(ReasonCodes.IntelStaleData),
            _ => Observation.Of(_reference),
        };
    }
}
