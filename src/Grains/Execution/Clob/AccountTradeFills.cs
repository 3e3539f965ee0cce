using Polytraders.Contracts;

namespace Polytraders.Grains.Execution.Clob;

/// <summary>
/// The fills of indexed orders in the account's trades since a time (GET /data/trades, cursor-paged, optionally for
/// one market or one asset), each trade at the status the venue holds now. Shared by the reconciliation of one order
/// (<see cref="ClobVenue"/>) and the user feed's back-fill after a gap (<see cref="UserFeedPump"/>).
/// </summary>
public static class AccountTradeFills
{
    /// <summary>At most this many pages per call, so a venue that never ends its cursor cannot hold the caller.</summary>
    public const int MaxPages = 20;

    /// <summary>
    /// "after" is whole Unix seconds on the venue's clock, so the query starts this much earlier: a trade matched
    /// around <c>since</c> is never missed; the extra trades are repeats execution ignores.
    /// </summary>
    public static readonly TimeSpan Margin = TimeSpan.FromMinutes(1);

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
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(orders);
        ArgumentNullException.ThrowIfNull(time);
        var fills = new List<Fill>();
        var cursor = ClobEndpoints.InitialCursor;
        for (var page = 0; page < MaxPages; page++)
        {
            var trades = await client.GetTradesAsync(account, market, assetId, after: since - Margin, cursor: cursor, cancellationToken: cancellationToken).ConfigureAwait(false);
            fills.AddRange(trades.Data.SelectMany(t => TradeFillMapper.FillsOf(t, orders, time.GetUtcNow())).Select(u => u.Fill));
            if (trades.IsLast)
            {
                break;
            }

            cursor = trades.NextCursor;
        }

        return fills;
    }
}
