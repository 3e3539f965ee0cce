using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Polytraders.Contracts;

namespace Polytraders.Gateway.Problems;

/// <summary>
/// The last line: unreadable requests become 400, an unreachable cluster 503, anything else a 500 problem that names
/// the trace id and nothing of the internals (the exception goes to the log only).
/// </summary>
internal sealed class GatewayExceptionHandler(GatewayProblemWriter problems, ILogger<GatewayExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
        {
            GatewayLog.RequestAborted(log, httpContext.Request.Method, httpContext.Request.Path);
            return true;
        }

        ProblemDetails problem;
        switch (exception)
        {
            case BadHttpRequestException bad:
                GatewayLog.BadRequest(log, httpContext.Request.Method, httpContext.Request.Path, bad.StatusCode, bad.Message);
                problem = GatewayProblem.For(
                    ReasonCodes.GovInvalidRequest,
                    bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "The request body is too large." : "The request could not be read.",
                    bad.StatusCode is >= 400 and < 500 ? bad.StatusCode : StatusCodes.Status400BadRequest);
                break;
            case JsonException:
                GatewayLog.BadRequest(log, httpContext.Request.Method, httpContext.Request.Path, StatusCodes.Status400BadRequest, exception.Message);
                problem = GatewayProblem.For(ReasonCodes.GovInvalidRequest, "The request body is not readable JSON.", StatusCodes.Status400BadRequest);
                break;
            case TimeoutException or SiloUnavailableException or OrleansMessageRejectionException or Orleans.Runtime.Messaging.ConnectionFailedException or ClientNotAvailableException or GatewayTooBusyException:
                GatewayLog.ClusterUnavailable(log, exception, httpContext.Request.Method, httpContext.Request.Path);
                problem = new ProblemDetails
                {
                    Status = StatusCodes.Status503ServiceUnavailable,
                    Title = "The trading cluster is unavailable.",
                    Detail = "The cluster did not answer in time; retry later.",
                };
                break;
            default:
                GatewayLog.Unhandled(log, exception, httpContext.Request.Method, httpContext.Request.Path);
                problem = new ProblemDetails
                {
                    Status = StatusCodes.Status500InternalServerError,
                    Title = "An unexpected error occurred.",
                    Detail = "The failure was logged; quote the trace id when reporting it.",
                };
                break;
        }

        await problems.WriteAsync(httpContext, problem);
        return true;
    }
}
