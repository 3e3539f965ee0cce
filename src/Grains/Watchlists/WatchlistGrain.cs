using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polytraders.Contracts;
using Polytraders.Trading.Watchlists;

namespace Polytraders.Grains.Watchlists;

/// <summary>
/// An operator's Watchlists, persisted (PostgreSQL in the durable profile). Markets are checked to exist before they
/// go on a list; a list is read with each market's latest state. Nothing here writes to a Portfolio, a Strategy, risk
/// or an audit chain: a Watchlist has no risk meaning.
/// </summary>
public sealed partial class WatchlistGrain(
    [PersistentState("watchlists", StreamNames.GrainStorage)] IPersistentState<WatchlistGrainState> state,
    IOptions<WatchlistLimits> limits,
    ILogger<WatchlistGrain> logger) : Grain, IWatchlistGrain
{
    private WatchlistBook? _book;

    private WatchlistBook Book => _book ??= new WatchlistBook(this.GetPrimaryKeyString(), limits.Value, state.State.Watchlists, state.State.LastNumber);

    public Task<IReadOnlyList<Watchlist>> List() => Task.FromResult<IReadOnlyList<Watchlist>>([.. Book.Watchlists]);

    public async Task<WatchlistView?> Get(string watchlistId)
    {
        if (Book.Find(watchlistId) is not { } list)
        {
            return null;
        }

        var states = await Task.WhenAll(list.MarketIds.Select(id => GrainFactory.GetGrain<IMarketGrain>(id).GetState()));
        return new WatchlistView { Watchlist = list, Markets = states.OfType<MarketState>().ToList() };
    }

    public async Task<WatchlistEdit> Create(WatchlistCreate request)
    {
        var markets = request.MarketIds ?? [];
        if (await FirstUnknownAsync(markets) is { } unknown)
        {
            return Unknown(unknown);
        }

        return await Applied(Book.Create(request.Name, markets));
    }

    public async Task<WatchlistEdit> Rename(string watchlistId, string name) => await Applied(Book.Rename(watchlistId, name));

    public async Task<WatchlistEdit> AddMarket(string watchlistId, string marketId)
    {
        if (Book.Find(watchlistId) is not null && await FirstUnknownAsync([marketId]) is { } unknown)
        {
            return Unknown(unknown);
        }

        return await Applied(Book.AddMarket(watchlistId, marketId));
    }

    public async Task<WatchlistEdit> RemoveMarket(string watchlistId, string marketId) => await Applied(Book.RemoveMarket(watchlistId, marketId));

    public async Task<WatchlistEdit> Delete(string watchlistId) => await Applied(Book.Delete(watchlistId));

    private async Task<string?> FirstUnknownAsync(IReadOnlyList<string> marketIds)
    {
        var states = await Task.WhenAll(marketIds.Select(id => GrainFactory.GetGrain<IMarketGrain>(id).GetState()));
        var index = Array.FindIndex(states, s => s is null);
        return index < 0 ? null : marketIds[index];
    }

    private static WatchlistEdit Unknown(string marketId) =>
        new(new CommandResult { Succeeded = false, ReasonCode = ReasonCodes.StratUnknownMarket, Detail = $"No market '{marketId}'." }, null);

    /// <summary>A refused edit changed nothing; a done one is written before it is answered.</summary>
    private async Task<WatchlistEdit> Applied(CommandResult result)
    {
        if (!result.Succeeded)
        {
            return new WatchlistEdit(result, null);
        }

        state.State.LastNumber = Book.LastNumber;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // The edit is in memory but not stored: this activation leaves, the next one reads what is stored.
            _book = null;
            DeactivateOnIdle();
            throw;
        }

        LogEdited(this.GetPrimaryKeyString(), result.Id!, Book.Watchlists.Count);
        return new WatchlistEdit(result, Book.Find(result.Id!));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Watchlists of {OperatorId}: {WatchlistId} edited; {Count} lists")]
    private partial void LogEdited(string operatorId, string watchlistId, int count);
}
