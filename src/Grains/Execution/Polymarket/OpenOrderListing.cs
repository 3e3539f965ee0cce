using Polytraders.Polymarket.Clob;

namespace Polytraders.Grains.Execution.Polymarket;

/// <summary>
/// The account's open orders (GET /data/orders, every page), fetched at most once per <see cref="MaxAge"/> per account
/// and shared: the open orders reconciling together after a restart cost the venue one listing, not one request each.
/// A listed order is open; one the listing lacks may have been placed since it was fetched, so the caller asks about it
/// by id (GET /data/order/{id}) before taking it as gone.
/// </summary>
public sealed class OpenOrderListing(ClobRestClient client, TimeProvider time)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(2);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, (Task<HashSet<string>> Listing, DateTimeOffset FetchedAt)> _byAccount = new(StringComparer.Ordinal);

    public async Task<bool> ListsAsync(string orderHash, ClobAccount account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        Task<HashSet<string>> listing;
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (!_byAccount.TryGetValue(account.Credentials.Key, out var cached) || cached.Listing.IsFaulted || cached.Listing.IsCanceled || now - cached.FetchedAt > MaxAge)
            {
                // Shared by every caller until it is stale, so one caller's cancellation must not end it for the others.
                cached = (FetchAsync(account), now);
                _byAccount[account.Credentials.Key] = cached;
            }

            listing = cached.Listing;
        }

        return (await listing.WaitAsync(cancellationToken).ConfigureAwait(false)).Contains(orderHash);
    }

    private async Task<HashSet<string>> FetchAsync(ClobAccount account)
    {
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var cursor = ClobEndpoints.InitialCursor;
        for (var page = 0; page < AccountTrades.MaxPages; page++)
        {
            var answer = await client.GetOpenOrdersAsync(account, cursor: cursor, cancellationToken: CancellationToken.None).ConfigureAwait(false);
            ids.UnionWith(answer.Data.Select(o => o.Id));
            if (answer.IsLast)
            {
                break;
            }

            cursor = answer.NextCursor;
        }

        return ids;
    }
}
