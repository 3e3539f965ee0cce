using System.Security.Claims;
using Polytraders.Contracts;
using Polytraders.Gateway.Auth;
using Polytraders.Gateway.Contracts;
using Polytraders.Gateway.Problems;
using Polytraders.Grains;

namespace Polytraders.Gateway.Endpoints;

/// <summary>
/// Managed Portfolios: the caller's Tenant's list, creating one, replacing its config. What a change may do to a
/// running Strategy is the PortfolioConfig contract's rule, held by the Portfolio and risk grains; every creation and
/// change is audited on the Portfolio's chain by the Portfolio grain.
/// </summary>
internal static class PortfolioManagementEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/portfolios", ListPortfolios)
            .WithName("ListPortfolios")
            .WithSummary("The caller's Tenant's Portfolios by id, a page at a time: ?status=active|suspended|closed, ?mode=paper|limited_live (of the running launch), ?limit= (1..100, default 50), ?after= (next_after of the previous page).")
            .Produces<PortfolioList>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        api.MapPost("/portfolios", CreatePortfolio)
            .RequireAuthorization(GatewayPolicies.Operator)
            .WithName("CreatePortfolio")
            .WithSummary("Create a Portfolio in the caller's Tenant from its PortfolioConfig; audited GOV_PORTFOLIO_CREATED on its new chain. Operators only.")
            .WithMetadata(new ContractBodyMetadata(typeof(PortfolioConfig)))
            .Produces<PortfolioState>(StatusCodes.Status201Created, "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);

        api.MapPut("/portfolios/{portfolioId}/config", ChangeConfig)
            .RequireAuthorization(GatewayPolicies.Operator)
            .WithName("ChangePortfolioConfig")
            .WithSummary("Replace the Portfolio's config: applies from the next intent risk decides; a cap below what is already held is refused (RISK_CAP_BELOW_EXPOSURE), as is a change of portfolio_id, tenant_id, base_currency or bankroll (GOV_PORTFOLIO_FIELD_IMMUTABLE). Audited GOV_PORTFOLIO_CONFIG_CHANGED. Operators only.")
            .WithMetadata(new ContractBodyMetadata(typeof(PortfolioConfig)))
            .Produces<PortfolioState>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> ListPortfolios(HttpContext context, ClaimsPrincipal user, IGrainFactory grains)
    {
        var query = new ListQuery(context);
        var status = query.Enum<PortfolioSummaryStatus>("status");
        var mode = query.Enum<LaunchMode>("mode");
        var after = query.Id("after", Identifiers.IsPortfolioId);
        var limit = query.Limit();
        return query.Problem
               ?? GatewayResults.Ok(await grains.GetGrain<ITenantDirectoryGrain>(GatewayClaims.TenantIdOf(user)).ListPortfolios(status, mode, after, limit));
    }

    private static async Task<IResult> CreatePortfolio(HttpContext context, ClaimsPrincipal user, IGrainFactory grains, ContractBodyReader bodies, ILoggerFactory loggers)
    {
        var body = await bodies.ReadAsync<PortfolioConfig>(context.Request, context.RequestAborted);
        if (body.Value is not { } config)
        {
            return body.Problem!;
        }

        if (CallerTenant.Refuses(user, config.TenantId, "#/tenant_id") is { } foreign)
        {
            return foreign;
        }

        var portfolio = grains.GetGrain<IPortfolioGrain>(config.PortfolioId);
        var created = await portfolio.Create(config, GatewayClaims.OperatorIdOf(user));
        return created.Succeeded
            ? GatewayResults.Created(context, $"/api/v1/portfolios/{config.PortfolioId}", await portfolio.GetState())
            : GatewayResults.Refused(created, "The Portfolio was not created.", loggers.CreateLogger(typeof(PortfolioManagementEndpoints)));
    }

    private static async Task<IResult> ChangeConfig(string portfolioId, HttpContext context, ClaimsPrincipal user, IGrainFactory grains, ContractBodyReader bodies, ILoggerFactory loggers)
    {
        var body = await CommandPrologue.ReadAsync<PortfolioConfig>(Identifiers.IsPortfolioId(portfolioId), () => PortfolioEndpoints.UnknownPortfolio(portfolioId), context, bodies);
        if (body.Value is not { } config)
        {
            return body.Problem!;
        }

        if (!string.Equals(config.PortfolioId, portfolioId, StringComparison.Ordinal))
        {
            return GatewayProblem.Result(GatewayProblem.ForInvalid(
                ReasonCodes.GovInvalidRequest,
                "RouteMismatch",
                "#/portfolio_id",
                $"portfolio_id '{config.PortfolioId}' is not the Portfolio of the route ('{portfolioId}')."));
        }

        // Another Tenant's Portfolio answers as a missing one: the caller learns nothing of it.
        var portfolio = grains.GetGrain<IPortfolioGrain>(portfolioId);
        if (await portfolio.GetState() is not { } current || !string.Equals(current.Config.TenantId, GatewayClaims.TenantIdOf(user), StringComparison.Ordinal))
        {
            return PortfolioEndpoints.UnknownPortfolio(portfolioId);
        }

        var changed = await portfolio.ChangeConfig(config, GatewayClaims.OperatorIdOf(user));
        return changed.Succeeded
            ? GatewayResults.Ok(await portfolio.GetState())
            : GatewayResults.Refused(changed, "The config change was refused.", loggers.CreateLogger(typeof(PortfolioManagementEndpoints)));
    }
}
