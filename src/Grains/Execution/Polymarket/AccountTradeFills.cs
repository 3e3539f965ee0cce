using Polytraders.Contracts;
using Polytraders.Polymarket.Clob;

namespace Polytraders.Grains.Execution.Polymarket;

/// <summary>
/// The fills of indexed orders in the account's trades since a time (<see cref="AccountTrades.TradesSinceAsync"/>),
/// each trade at the status the venue holds now. Shared by the reconciliation of one order (<see cref="ClobVenue"/>)
/// and the user feed's back-fill after a gap (<see cref="UserFeedPump"/>); the repeats the query's margin brings are
/// fills execution ignores.
/// </summary>
public static class AccountTradeFills
{
    public static async Task<List<Fill>> FillsSinceAsync(
        this ClobRestClient client,
        ClobAccount account,
        SubmittedOrderIndex orders,
        DateTimeOffset since,
        TimeProvider time,
        string? market = null,
        string? assetId = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(orders);
        ArgumentNullException.ThrowIfNull(time);
        var trades = await client.TradesSinceAsync(account, since, market, assetId, cancellationToken).ConfigureAwait(false);
        var receivedAt = time.GetUtcNow();
        return [.. trades.SelectMany(t => TradeFillMapper.FillsOf(t, orders, receivedAt))];
    }
}
