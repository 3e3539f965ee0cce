using System.Security.Claims;
using Polytraders.Contracts;
using Polytraders.Gateway.Auth;
using Polytraders.Gateway.Contracts;
using Polytraders.Gateway.Problems;
using Polytraders.Grains;

namespace Polytraders.Gateway.Endpoints;

/// <summary>Portfolios: their state, launching a Strategy on one, switching its trading state.</summary>
internal static class PortfolioEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/portfolios/{portfolioId}", GetPortfolio)
            .WithName("GetPortfolio")
            .WithSummary("A Portfolio: config, pUSD balance, positions, bound Strategy and launches.")
            .Produces<PortfolioState>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/portfolios/{portfolioId}/strategies", LaunchStrategy)
            .RequireAuthorization(GatewayPolicies.Operator)
            .WithName("LaunchStrategy")
            .WithSummary("Launch a Strategy on the Portfolio (one Strategy per Portfolio). Operators only.")
            .WithMetadata(new ContractBodyMetadata(typeof(StrategyLaunch)))
            .Produces<LaunchAccepted>(StatusCodes.Status201Created, "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        api.MapPost("/portfolios/{portfolioId}/trading-state", SetTradingState)
            .RequireAuthorization(GatewayPolicies.Operator)
            .WithName("SetTradingState")
            .WithSummary("Switch the Portfolio's trading state (ACTIVE, REDUCING, HALTED) and optionally its kill switch; audited. Operators only.")
            .WithMetadata(new ContractBodyMetadata(typeof(TradingStateChange)))
            .Produces<TradingStateView>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    internal static IResult UnknownPortfolio(string portfolioId) =>
        GatewayProblem.Result(ReasonCodes.StratUnknownPortfolio, $"No Portfolio '{portfolioId}'.");

    private static async Task<IResult> GetPortfolio(string portfolioId, IGrainFactory grains)
    {
        var state = Identifiers.IsPortfolioId(portfolioId) ? await grains.GetGrain<IPortfolioGrain>(portfolioId).GetState() : null;
        return state is null ? UnknownPortfolio(portfolioId) : GatewayResults.Ok(state);
    }

    private static async Task<IResult> LaunchStrategy(
        string portfolioId,
        HttpContext context,
        ClaimsPrincipal user,
        IGrainFactory grains,
        ContractBodyReader bodies,
        ILoggerFactory loggers)
    {
        var body = await CommandPrologue.ForPortfolioAsync<StrategyLaunch>(portfolioId, context, bodies, grains, launch =>
            string.Equals(launch.PortfolioId, portfolioId, StringComparison.Ordinal)
                ? null
                : GatewayProblem.Result(GatewayProblem.ForInvalid(
                    ReasonCodes.StratInvalidLaunch,
                    "RouteMismatch",
                    "#/portfolio_id",
                    $"portfolio_id '{launch.PortfolioId}' is not the Portfolio of the route ('{portfolioId}').")));
        if (body.Value is not { } launch)
        {
            return body.Problem!;
        }

        var log = loggers.CreateLogger(typeof(PortfolioEndpoints));
        var portfolio = grains.GetGrain<IPortfolioGrain>(portfolioId);
        var operatorId = GatewayClaims.OperatorIdOf(user);
        var result = await portfolio.Launch(launch, operatorId);
        if (!result.Succeeded)
        {
            GatewayLog.CommandRefused(log, "launch", launch.StrategyId, portfolioId, operatorId, result.ReasonCode ?? "(none)");
            return GatewayResults.Refused(result, "The launch was refused.", log);
        }

        if (result.Id is null)
        {
            GatewayLog.UnexplainedResult(log, result.Succeeded, "(launch without a launch id)", result.Detail ?? "(none)");
            return GatewayResults.Unexplained();
        }

        GatewayLog.Launched(log, launch.StrategyId, portfolioId, result.Id, operatorId);
        return GatewayResults.Created(
            context,
            GatewayResults.StrategyLocation(launch.StrategyId),
            new LaunchAccepted { LaunchId = result.Id, StrategyId = launch.StrategyId, PortfolioId = portfolioId });
    }

    private static async Task<IResult> SetTradingState(
        string portfolioId,
        HttpContext context,
        ClaimsPrincipal user,
        IGrainFactory grains,
        ContractBodyReader bodies,
        ILoggerFactory loggers)
    {
        var body = await CommandPrologue.ForPortfolioAsync<TradingStateChange>(portfolioId, context, bodies, grains);
        if (body.Value is not { } change)
        {
            return body.Problem!;
        }

        var log = loggers.CreateLogger(typeof(PortfolioEndpoints));
        var risk = grains.GetGrain<IRiskGrain>(portfolioId);
        var actor = GatewayClaims.ActorOf(user);
        await risk.SetTradingState(change.State, actor, change.Reason);
        if (change.KillSwitch is { } on)
        {
            await risk.SetKillSwitch(on, actor, change.Reason);
        }

        var now = await risk.GetTradingState();
        GatewayLog.TradingStateSet(log, portfolioId, change.State, actor);
        return GatewayResults.Ok(new TradingStateView { PortfolioId = portfolioId, TradingState = now });
    }
}
