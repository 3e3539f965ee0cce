using Polytraders.Contracts;

namespace Polytraders.Gateway.Endpoints;

/// <summary>Responses of the gateway, serialized with the one contract JSON setting (<see cref="ContractJson.Options"/>).</summary>
internal static class GatewayResults
{
    public static IResult Ok<T>(T value) => TypedResults.Json(value, ContractJson.Options, statusCode: StatusCodes.Status200OK);

    public static IResult Created<T>(HttpContext context, string location, T value)
    {
        context.Response.Headers.Location = location;
        return TypedResults.Json(value, ContractJson.Options, statusCode: StatusCodes.Status201Created);
    }

    /// <summary>
    /// A refused command: its reason code, with the status of the code's registry entry (default 409). A grain that
    /// refuses without a registered code broke its contract: that is a 500, never an invented code.
    /// </summary>
    public static IResult Refused(CommandResult result, string fallbackDetail, ILogger log)
    {
        if (result.ReasonCode is { } code && ReasonCodes.IsRegistered(code))
        {
            return Problems.GatewayProblem.Result(code, result.Detail ?? fallbackDetail);
        }

        GatewayLog.UnexplainedResult(log, result.Succeeded, result.ReasonCode ?? "(none)", result.Detail ?? "(none)");
        return Unexplained();
    }

    /// <summary>500 for a grain answer the gateway cannot read (a refusal without a registered code, a launch without an id).</summary>
    public static IResult Unexplained() => TypedResults.Problem(new Microsoft.AspNetCore.Mvc.ProblemDetails
    {
        Status = StatusCodes.Status500InternalServerError,
        Title = "An unexpected error occurred.",
        Detail = "The cluster answered the command in a way the gateway cannot report; the answer was logged.",
    });

    public static string StrategyLocation(string strategyId) => $"/api/v1/strategies/{Uri.EscapeDataString(strategyId)}";
}
