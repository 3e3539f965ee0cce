using Polytraders.Contracts;

namespace Polytraders.Gateway;

/// <summary>Structured log events of the gateway (source-generated). API keys are never logged.</summary>
internal static partial class GatewayLog
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "Loaded {SchemaCount} contract schemas from {Directory}")]
    public static partial void ContractsLoaded(ILogger logger, int schemaCount, string directory);

    [LoggerMessage(EventId = 1100, Level = LogLevel.Debug, Message = "Refused {Method} {Path}: unknown API key")]
    public static partial void UnknownApiKey(ILogger logger, string method, PathString path);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Debug, Message = "Refused {Method} {Path}: the Authorization header is not 'Bearer <key>'")]
    public static partial void MalformedAuthorization(ILogger logger, string method, PathString path);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Debug, Message = "Refused {Method} {Path}: too many failed authentications from {Address}, locked out for {RetryAfterSeconds} s")]
    public static partial void AuthenticationLockedOut(ILogger logger, string method, PathString path, string address, int retryAfterSeconds);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Debug, Message = "SEC_RATE_LIMITED: {Actor} on {Method} {Path}, retry after {RetryAfterSeconds} s")]
    public static partial void RateLimited(ILogger logger, string actor, string method, PathString path, int retryAfterSeconds);

    [LoggerMessage(EventId = 1110, Level = LogLevel.Warning, Message = "SEC_FORBIDDEN_ROLE: {Actor} tried {Method} {Path} (further refusals of this key in the window are counted, not logged one by one)")]
    public static partial void ForbiddenAttempt(ILogger logger, string actor, string method, string path);

    [LoggerMessage(EventId = 1111, Level = LogLevel.Information, Message = "SEC_FORBIDDEN_ROLE of {Actor} on {Method} {Path} audited on the chain of {PortfolioId} at sequence {Sequence}")]
    public static partial void ForbiddenAttemptChained(ILogger logger, string actor, string method, string path, string portfolioId, long sequence);

    [LoggerMessage(EventId = 1112, Level = LogLevel.Information, Message = "SEC_FORBIDDEN_ROLE of {Actor} not chained: no Portfolio {PortfolioId}")]
    public static partial void ForbiddenAttemptNotChained(ILogger logger, string actor, string portfolioId);

    [LoggerMessage(EventId = 1113, Level = LogLevel.Error, Message = "SEC_FORBIDDEN_ROLE of {Actor} on {Method} {Path} could not be appended to the audit chain")]
    public static partial void ForbiddenAttemptAuditFailed(ILogger logger, Exception exception, string actor, string method, string path);

    [LoggerMessage(EventId = 1114, Level = LogLevel.Debug, Message = "SEC_FORBIDDEN_ROLE: {Actor} tried {Method} {Path} again; counted into the window's summary")]
    public static partial void ForbiddenAttemptCounted(ILogger logger, string actor, string method, string path);

    [LoggerMessage(EventId = 1115, Level = LogLevel.Warning, Message = "SEC_FORBIDDEN_ROLE: {Count} more refusals of {Actor} on {PortfolioId} from {WindowStart:O} to {WindowEnd:O}")]
    public static partial void ForbiddenAttemptsSummarised(ILogger logger, long count, string actor, string portfolioId, DateTimeOffset windowStart, DateTimeOffset windowEnd);

    [LoggerMessage(EventId = 1200, Level = LogLevel.Information, Message = "Refused body of {Method} {Path}: {ViolationCount} violation(s) of {Schema}, first {Rule} at {JsonPath}")]
    public static partial void BodyRefused(ILogger logger, string method, PathString path, string schema, int violationCount, string rule, string jsonPath);

    [LoggerMessage(EventId = 1300, Level = LogLevel.Information, Message = "Launched Strategy {StrategyId} on {PortfolioId} as {LaunchId} by {OperatorId}")]
    public static partial void Launched(ILogger logger, string strategyId, string portfolioId, string launchId, string operatorId);

    [LoggerMessage(EventId = 1301, Level = LogLevel.Information, Message = "Stopped Strategy {StrategyId} on {PortfolioId} by {OperatorId}")]
    public static partial void Stopped(ILogger logger, string strategyId, string portfolioId, string operatorId);

    [LoggerMessage(EventId = 1302, Level = LogLevel.Information, Message = "Relaunched Strategy {StrategyId} from {FromPortfolioId} on {ToPortfolioId} as {LaunchId} by {OperatorId}")]
    public static partial void Relaunched(ILogger logger, string strategyId, string fromPortfolioId, string toPortfolioId, string launchId, string operatorId);

    [LoggerMessage(EventId = 1303, Level = LogLevel.Warning, Message = "Relaunch of {StrategyId} by {OperatorId} stopped it on {FromPortfolioId} but {ToPortfolioId} refused the launch: {ReasonCode}")]
    public static partial void RelaunchHalfDone(ILogger logger, string strategyId, string fromPortfolioId, string toPortfolioId, string operatorId, string reasonCode);

    [LoggerMessage(EventId = 1304, Level = LogLevel.Information, Message = "Command {Command} of Strategy {StrategyId} on {PortfolioId} by {OperatorId} refused: {ReasonCode}")]
    public static partial void CommandRefused(ILogger logger, string command, string strategyId, string portfolioId, string operatorId, string reasonCode);

    [LoggerMessage(EventId = 1305, Level = LogLevel.Error, Message = "A grain answered a command without a registered reason code (succeeded {Succeeded}, code {ReasonCode}, detail {Detail})")]
    public static partial void UnexplainedResult(ILogger logger, bool succeeded, string reasonCode, string detail);

    [LoggerMessage(EventId = 1310, Level = LogLevel.Information, Message = "Trading state of {PortfolioId} set to {State} by {Actor}")]
    public static partial void TradingStateSet(ILogger logger, string portfolioId, TradingState state, string actor);

    [LoggerMessage(EventId = 1400, Level = LogLevel.Information, Message = "Bad request {Method} {Path} ({StatusCode}): {Reason}")]
    public static partial void BadRequest(ILogger logger, string method, PathString path, int statusCode, string reason);

    [LoggerMessage(EventId = 1401, Level = LogLevel.Debug, Message = "Request {Method} {Path} aborted by the client")]
    public static partial void RequestAborted(ILogger logger, string method, PathString path);

    [LoggerMessage(EventId = 1500, Level = LogLevel.Warning, Message = "The cluster did not answer {Method} {Path}")]
    public static partial void ClusterUnavailable(ILogger logger, Exception exception, string method, PathString path);

    [LoggerMessage(EventId = 1501, Level = LogLevel.Error, Message = "Unhandled failure of {Method} {Path}")]
    public static partial void Unhandled(ILogger logger, Exception exception, string method, PathString path);

    [LoggerMessage(EventId = 1502, Level = LogLevel.Warning, Message = "Not ready: the cluster cannot be reached")]
    public static partial void NotReady(ILogger logger, Exception exception);
}
