using System.Security.Claims;
using Polytraders.Contracts;
using Polytraders.Gateway.Auth;
using Polytraders.Gateway.Contracts;
using Polytraders.Gateway.Problems;
using Polytraders.Grains;

namespace Polytraders.Gateway.Endpoints;

/// <summary>
/// Watchlists, each operator's own: create, read (markets with their latest prices), rename, add and remove markets,
/// delete, list. The caller's login keys the grain, so another operator's list answers 404 exactly as a missing one.
/// Reviewers have none. A Watchlist has no risk meaning: nothing here reaches a Portfolio, a Strategy or risk.
/// </summary>
internal static class WatchlistEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var watchlists = api.MapGroup("/watchlists").RequireAuthorization(GatewayPolicies.Operator);

        watchlists.MapGet("", ListWatchlists)
            .WithName("ListWatchlists")
            .WithSummary("The caller's Watchlists. Operators only; each operator sees only their own.")
            .Produces<List<Watchlist>>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status403Forbidden);

        watchlists.MapPost("", CreateWatchlist)
            .WithName("CreateWatchlist")
            .WithSummary("Create a Watchlist owned by the caller, optionally with its first markets. No risk meaning. Operators only.")
            .WithMetadata(new ContractBodyMetadata(typeof(WatchlistCreate)))
            .Produces<Watchlist>(StatusCodes.Status201Created, "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        watchlists.MapGet("/{watchlistId}", GetWatchlist)
            .WithName("GetWatchlist")
            .WithSummary("One of the caller's Watchlists with each market's latest price and status. Operators only.")
            .Produces<WatchlistView>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        watchlists.MapPatch("/{watchlistId}", RenameWatchlist)
            .WithName("RenameWatchlist")
            .WithSummary("Rename one of the caller's Watchlists. Operators only.")
            .WithMetadata(new ContractBodyMetadata(typeof(WatchlistRename)))
            .Produces<Watchlist>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        watchlists.MapPut("/{watchlistId}/markets/{marketId}", AddMarket)
            .WithName("AddWatchlistMarket")
            .WithSummary("Put a market on one of the caller's Watchlists (already there: unchanged). Operators only.")
            .Produces<Watchlist>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        watchlists.MapDelete("/{watchlistId}/markets/{marketId}", RemoveMarket)
            .WithName("RemoveWatchlistMarket")
            .WithSummary("Take a market off one of the caller's Watchlists (not there: unchanged). Operators only.")
            .Produces<Watchlist>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        watchlists.MapDelete("/{watchlistId}", DeleteWatchlist)
            .WithName("DeleteWatchlist")
            .WithSummary("Delete one of the caller's Watchlists; its id is never used again. Operators only.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static IWatchlistGrain WatchlistsOf(ClaimsPrincipal user, IGrainFactory grains) =>
        grains.GetGrain<IWatchlistGrain>(GatewayClaims.OperatorIdOf(user));

    private static IResult UnknownWatchlist(string watchlistId) =>
        GatewayProblem.Result(ReasonCodes.DiscUnknownWatchlist, $"No Watchlist '{watchlistId}'.");

    private static IResult UnknownMarket(string marketId) =>
        GatewayProblem.Result(ReasonCodes.StratUnknownMarket, $"No market '{marketId}'.");

    private static async Task<IResult> ListWatchlists(ClaimsPrincipal user, IGrainFactory grains) =>
        GatewayResults.Ok(await WatchlistsOf(user, grains).List());

    private static async Task<IResult> GetWatchlist(string watchlistId, ClaimsPrincipal user, IGrainFactory grains)
    {
        var view = Identifiers.IsWatchlistId(watchlistId) ? await WatchlistsOf(user, grains).Get(watchlistId) : null;
        return view is null ? UnknownWatchlist(watchlistId) : GatewayResults.Ok(view);
    }

    private static async Task<IResult> CreateWatchlist(HttpContext context, ClaimsPrincipal user, IGrainFactory grains, ContractBodyReader bodies, ILoggerFactory loggers)
    {
        var body = await bodies.ReadAsync<WatchlistCreate>(context.Request, context.RequestAborted);
        if (body.Value is not { } request)
        {
            return body.Problem!;
        }

        var edit = await WatchlistsOf(user, grains).Create(request);
        return edit.Watchlist is { } created
            ? GatewayResults.Created(context, $"/api/v1/watchlists/{created.WatchlistId}", created)
            : Refused(edit, loggers);
    }

    private static async Task<IResult> RenameWatchlist(string watchlistId, HttpContext context, ClaimsPrincipal user, IGrainFactory grains, ContractBodyReader bodies, ILoggerFactory loggers)
    {
        var body = await CommandPrologue.ReadAsync<WatchlistRename>(Identifiers.IsWatchlistId(watchlistId), () => UnknownWatchlist(watchlistId), context, bodies);
        return body.Value is { } rename
            ? Answer(await WatchlistsOf(user, grains).Rename(watchlistId, rename.Name), loggers)
            : body.Problem!;
    }

    private static async Task<IResult> AddMarket(string watchlistId, string marketId, ClaimsPrincipal user, IGrainFactory grains, ILoggerFactory loggers) =>
        !Identifiers.IsWatchlistId(watchlistId) ? UnknownWatchlist(watchlistId)
        : !Identifiers.IsMarketId(marketId) ? UnknownMarket(marketId)
        : Answer(await WatchlistsOf(user, grains).AddMarket(watchlistId, marketId), loggers);

    private static async Task<IResult> RemoveMarket(string watchlistId, string marketId, ClaimsPrincipal user, IGrainFactory grains, ILoggerFactory loggers) =>
        !Identifiers.IsWatchlistId(watchlistId) ? UnknownWatchlist(watchlistId)
        : !Identifiers.IsMarketId(marketId) ? UnknownMarket(marketId)
        : Answer(await WatchlistsOf(user, grains).RemoveMarket(watchlistId, marketId), loggers);

    private static async Task<IResult> DeleteWatchlist(string watchlistId, ClaimsPrincipal user, IGrainFactory grains, ILoggerFactory loggers)
    {
        if (!Identifiers.IsWatchlistId(watchlistId))
        {
            return UnknownWatchlist(watchlistId);
        }

        var edit = await WatchlistsOf(user, grains).Delete(watchlistId);
        return edit.Result.Succeeded ? TypedResults.NoContent() : Refused(edit, loggers);
    }

    private static IResult Answer(WatchlistEdit edit, ILoggerFactory loggers) =>
        edit.Watchlist is { } list ? GatewayResults.Ok(list) : Refused(edit, loggers);

    private static IResult Refused(WatchlistEdit edit, ILoggerFactory loggers) =>
        GatewayResults.Refused(edit.Result, "The Watchlist edit was refused.", loggers.CreateLogger(typeof(WatchlistEndpoints)));
}
