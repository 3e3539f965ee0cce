using System.Globalization;
using Polytraders.Contracts;

namespace Polytraders.Trading.Watchlists;

/// <summary>
/// One operator's Watchlists and the rules of editing them: at most <see cref="WatchlistLimits.MaxPerOperator"/> lists,
/// at most <see cref="WatchlistLimits.MaxMarkets"/> markets on one, each market once. Ids are the operator's own
/// (<c>WL-0001</c>, …) and never reused, so an id read once never names another list later. A Watchlist has no risk
/// meaning: nothing here is read by scope, risk or execution.
/// </summary>
public sealed class WatchlistBook(string ownerOperator, WatchlistLimits limits, List<Watchlist> watchlists, long lastNumber)
{
    public IReadOnlyList<Watchlist> Watchlists => watchlists;

    /// <summary>The number of the last id handed out (kept with the lists, so a deleted id is not handed out again).</summary>
    public long LastNumber { get; private set; } = lastNumber;

    public Watchlist? Find(string watchlistId) =>
        watchlists.Find(w => string.Equals(w.WatchlistId, watchlistId, StringComparison.Ordinal));

    /// <summary>A new list named <paramref name="name"/> with <paramref name="marketIds"/> (already known to exist).</summary>
    public CommandResult Create(string name, IReadOnlyList<string> marketIds)
    {
        if (watchlists.Count >= limits.MaxPerOperator)
        {
            return Refused(ReasonCodes.DiscWatchlistLimit, $"Operator '{ownerOperator}' already keeps {watchlists.Count} Watchlists, the most one operator may.");
        }

        var distinct = marketIds.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (distinct.Count > WatchlistLimits.MaxMarkets)
        {
            return Refused(ReasonCodes.DiscWatchlistFull, $"A Watchlist holds at most {WatchlistLimits.MaxMarkets} markets.");
        }

        LastNumber++;
        var id = "WL-" + LastNumber.ToString("D4", CultureInfo.InvariantCulture);
        watchlists.Add(new Watchlist { WatchlistId = id, OwnerOperator = ownerOperator, Name = name, MarketIds = distinct });
        return Done(id);
    }

    public CommandResult Rename(string watchlistId, string name) =>
        Edit(watchlistId, list => Done(list with { Name = name }));

    /// <summary>Adds a market (already known to exist); adding one the list holds changes nothing.</summary>
    public CommandResult AddMarket(string watchlistId, string marketId) =>
        Edit(watchlistId, list =>
            list.MarketIds.Contains(marketId, StringComparer.OrdinalIgnoreCase) ? Done(list)
            : list.MarketIds.Count >= WatchlistLimits.MaxMarkets
                ? Refused(ReasonCodes.DiscWatchlistFull, $"Watchlist '{watchlistId}' already holds {list.MarketIds.Count} markets, the most a Watchlist may.")
                : Done(list with { MarketIds = [.. list.MarketIds, marketId] }));

    /// <summary>Removes a market; removing one the list does not hold changes nothing.</summary>
    public CommandResult RemoveMarket(string watchlistId, string marketId) =>
        Edit(watchlistId, list => Done(list with
        {
            MarketIds = list.MarketIds.Where(m => !string.Equals(m, marketId, StringComparison.OrdinalIgnoreCase)).ToList(),
        }));

    public CommandResult Delete(string watchlistId) =>
        Edit(watchlistId, list =>
        {
            watchlists.Remove(list);
            return new CommandResult { Succeeded = true, Id = watchlistId };
        });

    private CommandResult Edit(string watchlistId, Func<Watchlist, CommandResult> edit) =>
        Find(watchlistId) is { } list
            ? edit(list)
            : Refused(ReasonCodes.DiscUnknownWatchlist, $"No Watchlist '{watchlistId}'.");

    /// <summary>Puts <paramref name="list"/> in place of the list with its id (or keeps it, unchanged).</summary>
    private CommandResult Done(Watchlist list)
    {
        var index = watchlists.FindIndex(w => string.Equals(w.WatchlistId, list.WatchlistId, StringComparison.Ordinal));
        watchlists[index] = list;
        return Done(list.WatchlistId);
    }

    private static CommandResult Done(string watchlistId) => new() { Succeeded = true, Id = watchlistId };

    private static CommandResult Refused(string reasonCode, string detail) => new() { Succeeded = false, ReasonCode = reasonCode, Detail = detail };
}
