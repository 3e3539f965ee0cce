using Polytraders.Gateway.Contracts;
using Polytraders.Grains;

namespace Polytraders.Gateway.Endpoints;

/// <summary>
/// What every command route does before it acts, in one order: a well-formed route id (else the unknown-resource
/// problem), a body valid against its contract (else its 400), then, for a Portfolio command, a body that agrees
/// with the route and a Portfolio that exists.
/// </summary>
internal static class CommandPrologue
{
    public static async Task<ContractBody<T>> ReadAsync<T>(bool wellFormedId, Func<IResult> unknown, HttpContext context, ContractBodyReader bodies)
        where T : class =>
        wellFormedId ? await bodies.ReadAsync<T>(context.Request, context.RequestAborted) : new ContractBody<T>(null, unknown());

    /// <param name="againstRoute">The route's own check of the body (e.g. the same Portfolio id), null when it agrees.</param>
    public static async Task<ContractBody<T>> ForPortfolioAsync<T>(
        string portfolioId,
        HttpContext context,
        ContractBodyReader bodies,
        IGrainFactory grains,
        Func<T, IResult?>? againstRoute = null)
        where T : class
    {
        var body = await ReadAsync<T>(Identifiers.IsPortfolioId(portfolioId), () => PortfolioEndpoints.UnknownPortfolio(portfolioId), context, bodies);
        if (body.Value is not { } value)
        {
            return body;
        }

        if (againstRoute?.Invoke(value) is { } mismatch)
        {
            return new ContractBody<T>(null, mismatch);
        }

        return await grains.GetGrain<IPortfolioGrain>(portfolioId).GetState() is null
            ? new ContractBody<T>(null, PortfolioEndpoints.UnknownPortfolio(portfolioId))
            : body;
    }
}
