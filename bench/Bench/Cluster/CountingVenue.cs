using Polytraders.Contracts;
using Polytraders.Trading.Venues;

namespace Polytraders.Bench.Cluster;

/// <summary>
/// A venue that passes every order to another (on the tick path: the embedded default's paper venue) and counts what
/// came of it, so a tape can say how much it made the system trade.
/// </summary>
internal sealed class CountingVenue(IVenue inner) : IVenue
{
    private long _orders;
    private long _filled;

    public string Name => inner.Name;

    public long Orders => Volatile.Read(ref _orders);

    /// <summary>Orders the venue answered with at least one fill.</summary>
    public long Filled => Volatile.Read(ref _filled);

    public async Task<VenueAnswer> SubmitAsync(Order order, OrderIntent intent, MarketState market, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _orders);
        var answer = await inner.SubmitAsync(order, intent, market, cancellationToken);
        if (answer.Fills.Count > 0)
        {
            Interlocked.Increment(ref _filled);
        }

        return answer;
    }
}
