using Microsoft.AspNetCore.Mvc;

namespace Polytraders.Gateway.Problems;

/// <summary>Writes a problem outside an endpoint (authentication, exception handling) through the problem-details service.</summary>
internal sealed class GatewayProblemWriter(IProblemDetailsService service)
{
    public async Task WriteAsync(HttpContext context, ProblemDetails problem)
    {
        if (context.Response.HasStarted)
        {
            return;
        }

        context.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        if (!await service.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem }))
        {
            await TypedResults.Problem(problem).ExecuteAsync(context);
        }
    }
}
