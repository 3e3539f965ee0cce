using System.Security.Claims;
using Polytraders.Contracts;
using Polytraders.Gateway.Auth;
using Polytraders.Gateway.Contracts;
using Polytraders.Gateway.Problems;
using Polytraders.Grains;

namespace Polytraders.Gateway.Endpoints;

/// <summary>Strategies: their state, stopping one, relaunching one on another Portfolio, editing a running manual list.</summary>
internal static class StrategyEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/strategies", ListStrategies)
            .WithName("ListStrategies")
            .WithSummary("The Strategies launched on the caller's Tenant's Portfolios, by id, a page at a time: ?portfolio= (of the latest launch), ?status=running|stopped, ?bot= (Bot id), ?limit= (1..100, default 50), ?after= (next_after of the previous page).")
            .Produces<StrategyList>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        api.MapGet("/strategies/{strategyId}", GetStrategy)
            .WithName("GetStrategy")
            .WithSummary("A Strategy: status, Portfolio, launch, Market scope and last Signal.")
            .Produces<StrategyState>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/strategies/{strategyId}/stop", StopStrategy)
            .RequireAuthorization(GatewayPolicies.Operator)
            .WithName("StopStrategy")
            .WithSummary("Stop the Strategy's running launch on its Portfolio. Operators only.")
            .Produces<StrategyState>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        api.MapPost("/strategies/{strategyId}/relaunch", RelaunchStrategy)
            .RequireAuthorization(GatewayPolicies.Operator)
            .WithName("RelaunchStrategy")
            .WithSummary("Stop the Strategy on its Portfolio and launch the same StrategyLaunch on another. Operators only.")
            .WithMetadata(new ContractBodyMetadata(typeof(RelaunchRequest)))
            .Produces<LaunchAccepted>(StatusCodes.Status201Created, "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        api.MapPut("/strategies/{strategyId}/markets/{marketId}", AddMarket)
            .RequireAuthorization(GatewayPolicies.Operator)
            .WithName("AddStrategyMarket")
            .WithSummary("Put a market on the running Strategy's manual list: it enters the Market scope (already there: unchanged). At most 50; a Cluster scope follows its Cluster. Operators only.")
            .Produces<StrategyState>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        api.MapDelete("/strategies/{strategyId}/markets/{marketId}", RemoveMarket)
            .RequireAuthorization(GatewayPolicies.Operator)
            .WithName("RemoveStrategyMarket")
            .WithSummary("Take a market off the running Strategy's manual list: it leaves the Market scope, a position in it is sold or flagged (not there: unchanged). Operators only.")
            .Produces<StrategyState>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    /// <summary>A Strategy grain that was never launched answers with an idle state and no history: it does not exist.</summary>
    internal static bool IsUnknown(StrategyState state) =>
        state.Status == StrategyStateStatus.Idle && state.Launch is null && state.Launches.Count == 0;

    private static IResult UnknownStrategy(string strategyId) =>
        GatewayProblem.Result(ReasonCodes.StratUnknownStrategy, $"No Strategy '{strategyId}'.");

    private static Task<IResult> AddMarket(string strategyId, string marketId, ClaimsPrincipal user, IGrainFactory grains, ILoggerFactory loggers) =>
        EditMarkets(strategyId, marketId, "add-market", (strategy, operatorId) => strategy.SelectMarket(marketId, operatorId), user, grains, loggers);

    private static Task<IResult> RemoveMarket(string strategyId, string marketId, ClaimsPrincipal user, IGrainFactory grains, ILoggerFactory loggers) =>
        EditMarkets(strategyId, marketId, "remove-market", (strategy, operatorId) => strategy.DeselectMarket(marketId, operatorId), user, grains, loggers);

    /// <summary>An edit of a running manual list, answered with the Strategy's state as the edit left it.</summary>
    private static async Task<IResult> EditMarkets(
        string strategyId,
        string marketId,
        string command,
        Func<IStrategyGrain, string, Task<CommandResult>> edit,
        ClaimsPrincipal user,
        IGrainFactory grains,
        ILoggerFactory loggers)
    {
        if (!Identifiers.IsStrategyId(strategyId))
        {
            return UnknownStrategy(strategyId);
        }

        var strategy = grains.GetGrain<IStrategyGrain>(strategyId);
        var before = await strategy.GetState();
        if (IsUnknown(before))
        {
            return UnknownStrategy(strategyId);
        }

        if (!Identifiers.IsMarketId(marketId))
        {
            return GatewayProblem.Result(ReasonCodes.StratUnknownMarket, $"No market '{marketId}'.");
        }

        var operatorId = GatewayClaims.OperatorIdOf(user);
        var result = await edit(strategy, operatorId);
        if (!result.Succeeded)
        {
            var log = loggers.CreateLogger(typeof(StrategyEndpoints));
            GatewayLog.CommandRefused(log, command, strategyId, before.PortfolioId ?? "(none)", operatorId, result.ReasonCode ?? "(none)");

            // The list rules answer 400 to a launch's body; here nothing in the request is malformed, the list's state
            // (full, or down to its last market) refuses the edit: a conflict.
            return result.ReasonCode is ReasonCodes.StratScopeTooManyMarkets or ReasonCodes.StratScopeEmpty
                ? GatewayProblem.Result(result.ReasonCode, result.Detail ?? "The edit was refused.", StatusCodes.Status409Conflict)
                : GatewayResults.Refused(result, "The edit was refused.", log);
        }

        return GatewayResults.Ok(await strategy.GetState());
    }

    private static async Task<IResult> ListStrategies(HttpContext context, ClaimsPrincipal user, IGrainFactory grains)
    {
        var query = new ListQuery(context);
        var portfolioId = query.Id("portfolio", Identifiers.IsPortfolioId);
        var status = query.Enum<StrategySummaryStatus>("status");
        var botId = query.Id("bot", Identifiers.IsStrategyId);
        var after = query.Id("after", Identifiers.IsStrategyId);
        var limit = query.Limit();
        return query.Problem
               ?? GatewayResults.Ok(await grains.GetGrain<ITenantDirectoryGrain>(GatewayClaims.TenantIdOf(user)).ListStrategies(portfolioId, status, botId, after, limit));
    }

    private static async Task<IResult> GetStrategy(string strategyId, IGrainFactory grains)
    {
        if (!Identifiers.IsStrategyId(strategyId))
        {
            return UnknownStrategy(strategyId);
        }

        var state = await grains.GetGrain<IStrategyGrain>(strategyId).GetState();
        return IsUnknown(state) ? UnknownStrategy(strategyId) : GatewayResults.Ok(state);
    }

    private static async Task<IResult> StopStrategy(string strategyId, ClaimsPrincipal user, IGrainFactory grains, ILoggerFactory loggers)
    {
        if (!Identifiers.IsStrategyId(strategyId))
        {
            return UnknownStrategy(strategyId);
        }

        var log = loggers.CreateLogger(typeof(StrategyEndpoints));
        var strategy = grains.GetGrain<IStrategyGrain>(strategyId);
        var portfolioId = await strategy.GetPortfolio();
        if (portfolioId is null)
        {
            return IsUnknown(await strategy.GetState())
                ? UnknownStrategy(strategyId)
                : GatewayProblem.Result(ReasonCodes.StratNotRunning, $"Strategy '{strategyId}' has no running launch.");
        }

        var operatorId = GatewayClaims.OperatorIdOf(user);
        var result = await grains.GetGrain<IPortfolioGrain>(portfolioId).Stop(strategyId, operatorId, $"stopped by operator {operatorId}");
        if (!result.Succeeded)
        {
            GatewayLog.CommandRefused(log, "stop", strategyId, portfolioId, operatorId, result.ReasonCode ?? "(none)");
            return GatewayResults.Refused(result, "The stop was refused.", log);
        }

        GatewayLog.Stopped(log, strategyId, portfolioId, operatorId);
        return GatewayResults.Ok(await strategy.GetState());
    }

    private static async Task<IResult> RelaunchStrategy(
        string strategyId,
        HttpContext context,
        ClaimsPrincipal user,
        IGrainFactory grains,
        ContractBodyReader bodies,
        ILoggerFactory loggers)
    {
        var body = await CommandPrologue.ReadAsync<RelaunchRequest>(Identifiers.IsStrategyId(strategyId), () => UnknownStrategy(strategyId), context, bodies);
        if (body.Value is not { } request)
        {
            return body.Problem!;
        }

        var log = loggers.CreateLogger(typeof(StrategyEndpoints));
        var strategy = grains.GetGrain<IStrategyGrain>(strategyId);
        var state = await strategy.GetState();
        if (IsUnknown(state))
        {
            return UnknownStrategy(strategyId);
        }

        var currentPortfolioId = await strategy.GetPortfolio();
        if (currentPortfolioId is null || state.Launch is null)
        {
            return GatewayProblem.Result(ReasonCodes.StratNotRunning, $"Strategy '{strategyId}' has no running launch to move; launch it instead.");
        }

        // Check the target before stopping anything, so a doomed relaunch leaves the running launch alone.
        var target = grains.GetGrain<IPortfolioGrain>(request.PortfolioId);
        var targetState = await target.GetState();
        if (targetState is null)
        {
            return PortfolioEndpoints.UnknownPortfolio(request.PortfolioId);
        }

        if (targetState.BoundStrategyId is { } bound && !string.Equals(bound, strategyId, StringComparison.Ordinal))
        {
            return GatewayProblem.Result(
                ReasonCodes.StratPortfolioAlreadyBound,
                $"Portfolio '{request.PortfolioId}' already runs Strategy '{bound}'; stop it first.");
        }

        var operatorId = GatewayClaims.OperatorIdOf(user);
        var stopped = await grains.GetGrain<IPortfolioGrain>(currentPortfolioId)
            .Stop(strategyId, operatorId, $"relaunch on {request.PortfolioId} by operator {operatorId}");
        if (!stopped.Succeeded)
        {
            GatewayLog.CommandRefused(log, "relaunch-stop", strategyId, currentPortfolioId, operatorId, stopped.ReasonCode ?? "(none)");
            return GatewayResults.Refused(stopped, "Stopping the current launch was refused.", log);
        }

        var launch = state.Launch with { PortfolioId = request.PortfolioId, Mode = request.Mode ?? state.Launch.Mode };
        var launched = await target.Launch(launch, operatorId, relaunchedFrom: currentPortfolioId);
        if (!launched.Succeeded || launched.Id is null)
        {
            GatewayLog.RelaunchHalfDone(log, strategyId, currentPortfolioId, request.PortfolioId, operatorId, launched.ReasonCode ?? "(none)");
            return GatewayResults.Refused(
                launched with
                {
                    Detail = $"Strategy '{strategyId}' was stopped on '{currentPortfolioId}' but its launch on '{request.PortfolioId}' was refused: {launched.Detail}",
                },
                "The relaunch was refused.",
                log);
        }

        GatewayLog.Relaunched(log, strategyId, currentPortfolioId, request.PortfolioId, launched.Id, operatorId);
        return GatewayResults.Created(
            context,
            GatewayResults.StrategyLocation(strategyId),
            new LaunchAccepted { LaunchId = launched.Id, StrategyId = strategyId, PortfolioId = request.PortfolioId });
    }
}
