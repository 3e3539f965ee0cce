using Polytraders.Contracts;

namespace Polytraders.Grains;

/// <summary>
/// One operator's Watchlists (key: the operator's login). Only that operator reaches it: the gateway keys it by the
/// caller. A Watchlist has no risk meaning; nothing that trades reads this grain.
/// </summary>
[Alias("Polytraders.IWatchlistGrain")]
public interface IWatchlistGrain : IGrainWithStringKey
{
    [Alias("List")]
    Task<IReadOnlyList<Watchlist>> List();

    /// <summary>The list with each market's latest price and status; null when the operator has no such list.</summary>
    [Alias("Get")]
    Task<WatchlistView?> Get(string watchlistId);

    [Alias("Create")]
    Task<WatchlistEdit> Create(WatchlistCreate request);

    [Alias("Rename")]
    Task<WatchlistEdit> Rename(string watchlistId, string name);

    [Alias("AddMarket")]
    Task<WatchlistEdit> AddMarket(string watchlistId, string marketId);

    [Alias("RemoveMarket")]
    Task<WatchlistEdit> RemoveMarket(string watchlistId, string marketId);

    [Alias("Delete")]
    Task<WatchlistEdit> Delete(string watchlistId);
}

/// <summary>An edit's outcome, and the list as it stands after it (null when refused or deleted).</summary>
[GenerateSerializer]
[Alias("Polytraders.WatchlistEdit")]
public sealed record WatchlistEdit([property: Id(0)] CommandResult Result, [property: Id(1)] Watchlist? Watchlist);
