using Polytraders.Contracts;
using Polytraders.Polymarket.Clob;
using Polytraders.Trading.Venues;

namespace Polytraders.Grains.Execution.Polymarket;

/// <summary>
/// Reconciliation after a restart (<see cref="IVenueOrderLookup"/>): does the CLOB hold an order that may have been
/// posted before the crash, or that execution holds open? Open (in the account's open orders, GET /data/orders, or
/// else GET /data/order/{id}) → accepted and resting, with the fills of its trades so far; not open but in the
/// account's trades on that token since the order was made → accepted with those fills; neither → null (never
/// received, or received and cancelled unfilled, which the venue no longer distinguishes). An unreachable venue
/// throws, so the record stays as it was instead of being resubmitted or closed.
/// </summary>
public sealed partial class ClobVenue : IVenueOrderLookup
{
    private readonly OpenOrderListing _openOrders = new(client, time);

    public async Task<VenueAnswer?> FindAsync(Order order, OrderIntent intent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(intent);
        var account = await accounts.GetAccountAsync(cancellationToken).ConfigureAwait(false);
        var owner = new SubmittedOrder(order.OrderHash, intent.ClientOrderId, intent.PortfolioId, intent.MarketId, intent.TokenId, intent.Side);
        submitted.Register(owner);

        var open = await _openOrders.ListsAsync(order.OrderHash, account, cancellationToken).ConfigureAwait(false)
            || await client.GetOrderAsync(order.OrderHash, account, cancellationToken).ConfigureAwait(false) is not null;
        var fills = await FillsOfAsync(owner, account, DateTimeOffset.FromUnixTimeMilliseconds(order.TimestampMs), cancellationToken).ConfigureAwait(false);
        // Still open: accepted and resting, so execution keeps it open for the feed's fills.
        return open ? VenueAnswer.Open(fills) : fills.Count == 0 ? null : VenueAnswer.Filled(fills);
    }

    private Task<List<Fill>> FillsOfAsync(SubmittedOrder owner, ClobAccount account, DateTimeOffset createdAt, CancellationToken cancellationToken)
    {
        // Only this order's fills: the shared index may hold other orders trading the same token.
        var only = new SubmittedOrderIndex();
        only.Register(owner);
        return client.FillsSinceAsync(account, only, createdAt, time, assetId: owner.TokenId, cancellationToken: cancellationToken);
    }
}
