namespace Polytraders.Polymarket.Clob;

/// <summary>
/// The account's trades since a time (GET /data/trades, cursor-paged, optionally for one market or one asset), each
/// at the status the venue holds now: what a user feed consumer fetches after a <see cref="UserFeedGap"/>, and what
/// shows whether an order that is no longer open traded.
/// </summary>
public static class AccountTrades
{
    /// <summary>At most this many pages per call, so a venue that never ends its cursor cannot hold the caller.</summary>
    public const int MaxPages = 20;

    /// <summary>
    /// "after" is whole Unix seconds on the venue's clock, so the query starts this much earlier: a trade matched
    /// around <c>since</c> is never missed; the extra trades are ones the caller has seen before.
    /// </summary>
    public static readonly TimeSpan Margin = TimeSpan.FromMinutes(1);

    public static async Task<List<ClobTrade>> TradesSinceAsync(
        this ClobRestClient client,
        ClobAccount account,
        DateTimeOffset since,
        string? market = null,
        string? assetId = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var trades = new List<ClobTrade>();
        var cursor = ClobEndpoints.InitialCursor;
        for (var page = 0; page < MaxPages; page++)
        {
            var answer = await client.GetTradesAsync(account, market, assetId, after: since - Margin, cursor: cursor, cancellationToken: cancellationToken).ConfigureAwait(false);
            trades.AddRange(answer.Data);
            if (answer.IsLast)
            {
                break;
            }

            cursor = answer.NextCursor;
        }

        return trades;
    }
}
