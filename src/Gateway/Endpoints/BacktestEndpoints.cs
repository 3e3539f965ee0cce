using System.Globalization;
using System.Security.Claims;
using Polytraders.Contracts;
using Polytraders.Gateway.Auth;
using Polytraders.Gateway.Contracts;
using Polytraders.Gateway.Problems;
using Polytraders.Grains;
using Polytraders.Trading.Backtest;
using Polytraders.Trading.Backtest.Report;

namespace Polytraders.Gateway.Endpoints;

/// <summary>
/// Backtests, operators only: start one (202 with its id), read its status, progress and results, read its HTML report
/// once completed, cancel it, read its own audit chain. Every answer about a Backtest is badged BACKTEST; its envelopes never reach a Portfolio's trail.
/// </summary>
internal static partial class BacktestEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var backtests = api.MapGroup("/backtests")
            .RequireAuthorization(GatewayPolicies.Operator)
            .AddEndpointFilter(async (context, next) =>
            {
                // Every answer about a Backtest says so, problems included (bodies of runs carry "badge" too).
                context.HttpContext.Response.Headers[BadgeHeader] = nameof(Badge.Backtest).ToUpperInvariant();
                return await next(context);
            });

        backtests.MapPost("", StartBacktest)
            .WithName("StartBacktest")
            .WithSummary("Start a Backtest of a StrategyLaunch and Portfolio config over a stored data set (window up to 180 days). Operators only.")
            .WithMetadata(new ContractBodyMetadata(typeof(BacktestRequest)))
            .Produces<BacktestRun>(StatusCodes.Status202Accepted, "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        backtests.MapGet("", ListBacktests)
            .WithName("ListBacktests")
            .WithSummary("The caller's Tenant's Backtests (the Tenant of the Portfolio config each ran), newest first, a page at a time: ?strategy=, ?status=queued|running|completed|failed|cancelled, ?limit= (1..100, default 50), ?after= (next_after of the previous page). The newest 1000 are listed. Operators only.")
            .Produces<BacktestList>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        backtests.MapGet("/{backtestId}", GetBacktest)
            .WithName("GetBacktest")
            .WithSummary("A Backtest: status, progress and, once completed, its results (badged BACKTEST). Operators only.")
            .Produces<BacktestRun>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status404NotFound);

        backtests.MapGet("/{backtestId}/report", GetBacktestReport)
            .WithName("GetBacktestReport")
            .WithSummary("The self-contained HTML report of a completed Backtest (equity and drawdown charts, trades; no script, no external resource), badged BACKTEST on every panel. 409 while it runs or when it ended without results. Operators only.")
            .Produces<string>(StatusCodes.Status200OK, "text/html")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        backtests.MapDelete("/{backtestId}", CancelBacktest)
            .WithName("CancelBacktest")
            .WithSummary("Cancel a queued or running Backtest: it stops at its next progress check and ends cancelled. Operators only.")
            .Produces<BacktestRun>(StatusCodes.Status202Accepted, "application/json")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        backtests.MapGet("/{backtestId}/audit", GetBacktestAudit)
            .WithName("GetBacktestAudit")
            .WithSummary("The Backtest's own audit chain (chain id = backtest id), oldest first; query: after (sequence), limit (1..1000).")
            .Produces<AuditPage>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        backtests.MapGet("/{backtestId}/audit/verify", VerifyBacktestAudit)
            .WithName("VerifyBacktestAudit")
            .WithSummary("Re-hash the Backtest's audit chain from its first link.")
            .Produces<ChainVerification>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    public const string BadgeHeader = "Polytraders-Badge";

    public const string ReportContentType = "text/html; charset=utf-8";

    /// <summary>The report is served from the API's origin: it may style itself and draw inline SVG, and nothing else.</summary>
    private const string ReportContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public static string Location(string backtestId) => $"/api/v1/backtests/{Uri.EscapeDataString(backtestId)}";

    /// <summary>A new backtest id: BT-, the UTC date, and 12 hex digits of a version-7 GUID.</summary>
    public static string NewId(TimeProvider time)
    {
        var now = time.GetUtcNow();
        return $"BT-{now:yyyyMMdd}-{Guid.CreateVersion7(now).ToString("N")[20..]}";
    }

    private static IResult NotFound(string backtestId) =>
        GatewayProblem.Result(ReasonCodes.StratBacktestNotFound, $"No Backtest '{backtestId}'.");

    private static async Task<IResult> StartBacktest(
        HttpContext context,
        ClaimsPrincipal user,
        IGrainFactory grains,
        ContractBodyReader bodies,
        TimeProvider time,
        ILoggerFactory loggers)
    {
        var log = loggers.CreateLogger(typeof(BacktestEndpoints));
        var body = await bodies.ReadAsync<BacktestRequest>(context.Request, context.RequestAborted);
        if (body.Value is not { } request)
        {
            return body.Problem!;
        }

        // The run is listed for the Tenant of its Portfolio config: the caller's own.
        if (CallerTenant.Refuses(user, request.Portfolio.TenantId, "#/portfolio/tenant_id") is { } foreign)
        {
            return foreign;
        }

        var violations = new BacktestRequestRule().Check(request).ToList();
        if (violations.Count > 0)
        {
            return GatewayProblem.Result(GatewayProblem.ForViolations(violations, "The BacktestRequest"));
        }

        var backtestId = NewId(time);
        var operatorId = GatewayClaims.OperatorIdOf(user);
        var backtest = grains.GetGrain<IBacktestGrain>(backtestId);
        var started = await backtest.Start(request, operatorId);
        if (!started.Succeeded)
        {
            GatewayLog.CommandRefused(log, "backtest", request.Launch.StrategyId, request.Portfolio.PortfolioId, operatorId, started.ReasonCode ?? "(none)");
            return GatewayResults.Refused(started, "The Backtest was refused.", log);
        }

        var run = await backtest.GetRun();
        context.Response.Headers.Location = Location(backtestId);
        return TypedResults.Json(run, ContractJson.Options, statusCode: StatusCodes.Status202Accepted);
    }

    private static async Task<IResult> ListBacktests(HttpContext context, ClaimsPrincipal user, IGrainFactory grains)
    {
        var query = new ListQuery(context);
        var strategyId = query.Id("strategy", Identifiers.IsStrategyId);
        var status = query.Enum<BacktestSummaryStatus>("status");
        var after = query.Id("after", BacktestIds.IsBacktestId);
        var limit = query.Limit();
        return query.Problem
               ?? GatewayResults.Ok(await grains.GetGrain<ITenantDirectoryGrain>(GatewayClaims.TenantIdOf(user)).ListBacktests(strategyId, status, after, limit));
    }

    private static async Task<IResult> GetBacktest(string backtestId, IGrainFactory grains)
    {
        var run = BacktestIds.IsBacktestId(backtestId) ? await grains.GetGrain<IBacktestGrain>(backtestId).GetRun() : null;
        return run is null ? NotFound(backtestId) : GatewayResults.Ok(run);
    }

    private static async Task<IResult> GetBacktestReport(string backtestId, HttpContext context, IGrainFactory grains)
    {
        var run = BacktestIds.IsBacktestId(backtestId) ? await grains.GetGrain<IBacktestGrain>(backtestId).GetRun() : null;
        switch (run)
        {
            case null:
                return NotFound(backtestId);
            case { Status: BacktestRunStatus.Queued or BacktestRunStatus.Running }:
                return GatewayProblem.Result(ReasonCodes.StratBacktestNotFinished, $"Backtest {backtestId} is {run.Status.ToString().ToLowerInvariant()} ({run.ProgressPercent} %): its report exists once it completes.");
            case { Status: BacktestRunStatus.Completed, Results: not null }:
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = ReportContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.ContentDisposition = $"inline; filename=\"backtest-{backtestId}.html\"";
                return TypedResults.Text(BacktestReport.Render(run), ReportContentType);
            default:
                // Cancelled or failed: no results to report. The run's own reason code says why, as a conflict with its state.
                var failure = run.Failure ?? new BacktestFailure { ReasonCode = ReasonCodes.StratBacktestFailed, Detail = "it ended without results" };
                return GatewayProblem.Result(failure.ReasonCode, $"Backtest {backtestId} is {run.Status.ToString().ToLowerInvariant()} and has no report: {failure.Detail}", StatusCodes.Status409Conflict);
        }
    }

    private static async Task<IResult> CancelBacktest(string backtestId, ClaimsPrincipal user, IGrainFactory grains, ILoggerFactory loggers)
    {
        if (!BacktestIds.IsBacktestId(backtestId))
        {
            return NotFound(backtestId);
        }

        var backtest = grains.GetGrain<IBacktestGrain>(backtestId);
        var cancelled = await backtest.Cancel(GatewayClaims.OperatorIdOf(user));
        if (!cancelled.Succeeded)
        {
            return GatewayResults.Refused(cancelled, "The cancellation was refused.", loggers.CreateLogger(typeof(BacktestEndpoints)));
        }

        return TypedResults.Json(await backtest.GetRun(), ContractJson.Options, statusCode: StatusCodes.Status202Accepted);
    }

    private static async Task<IResult> GetBacktestAudit(string backtestId, HttpContext context, IGrainFactory grains)
    {
        if (!BacktestIds.IsBacktestId(backtestId))
        {
            return NotFound(backtestId);
        }

        long after = 0;
        var limit = AuditEndpoints.DefaultLimit;
        var query = context.Request.Query;
        if (query.TryGetValue("after", out var afterText) && !long.TryParse(afterText, NumberStyles.None, CultureInfo.InvariantCulture, out after))
        {
            return GatewayProblem.Result(GatewayProblem.ForInvalid(ReasonCodes.GovInvalidRequest, "IntegerExpected", "?after", "after is a sequence number."));
        }

        if (query.TryGetValue("limit", out var limitText)
            && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > AuditEndpoints.MaxLimit))
        {
            return GatewayProblem.Result(GatewayProblem.ForInvalid(ReasonCodes.GovInvalidRequest, "OutOfRange", "?limit", $"limit must be an integer from 1 to {AuditEndpoints.MaxLimit}."));
        }

        var backtest = grains.GetGrain<IBacktestGrain>(backtestId);
        if (await backtest.GetRun() is null)
        {
            return NotFound(backtestId);
        }

        return GatewayResults.Ok(await backtest.ReadAudit(after, limit));
    }

    private static async Task<IResult> VerifyBacktestAudit(string backtestId, IGrainFactory grains)
    {
        if (!BacktestIds.IsBacktestId(backtestId) || await grains.GetGrain<IBacktestGrain>(backtestId).GetRun() is null)
        {
            return NotFound(backtestId);
        }

        return GatewayResults.Ok(await grains.GetGrain<IAuditTrailGrain>(backtestId).Verify());
    }
}

/// <summary>The backtest id pattern of the schemas (BT-...), checked before an id reaches a grain key.</summary>
internal static partial class BacktestIds
{
    public static bool IsBacktestId(string? value) => value is not null && Pattern().IsMatch(value);

    [System.Text.RegularExpressions.GeneratedRegex(@"^BT-[0-9A-Za-z-]{6,64}\z", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex Pattern();
}
