using Polytraders.Contracts;
using Polytraders.Gateway.Auth;
using Polytraders.Grains;

namespace Polytraders.Gateway.Auditing;

/// <summary>
/// Records a refused write (SEC_FORBIDDEN_ROLE): always in the log, and as a governance envelope on the audit chain of
/// the Portfolio the request named — by its route, or through the Strategy of the route. Never fails the response.
/// </summary>
internal sealed class ForbiddenAttemptAuditor(IGrainFactory grains, TimeProvider time, ILogger<ForbiddenAttemptAuditor> log)
{
    public async Task RecordAsync(HttpContext context)
    {
        var actor = GatewayClaims.ActorOf(context.User);
        var method = context.Request.Method;
        var path = context.Request.Path.Value ?? "/";
        GatewayLog.ForbiddenAttempt(log, actor, method, path);

        try
        {
            var portfolioId = await PortfolioOfAsync(context);
            if (portfolioId is null)
            {
                return;
            }

            var portfolio = await grains.GetGrain<IPortfolioGrain>(portfolioId).GetState();
            if (portfolio is null)
            {
                GatewayLog.ForbiddenAttemptNotChained(log, actor, method, path, portfolioId);
                return;
            }

            var activeLaunch = portfolio.Launches.FirstOrDefault(l => l.LaunchId == portfolio.ActiveLaunchId);
            var draft = new AuditEnvelope
            {
                EnvelopeId = Guid.NewGuid(),
                Sequence = 0,
                PrevHash = "",
                Hash = "",
                OccurredAt = time.GetUtcNow(),
                TenantId = portfolio.Config.TenantId,
                PortfolioId = portfolioId,
                StrategyId = portfolio.BoundStrategyId,
                LaunchId = portfolio.ActiveLaunchId,
                Mode = activeLaunch?.Mode == LaunchMode.LimitedLive ? AuditEnvelopeMode.LimitedLive : AuditEnvelopeMode.Paper,
                ReasonCode = ReasonCodes.SecForbiddenRole,
                BuilderCode = portfolio.Config.BuilderCode,
                Actor = actor,
                Payload = new AuditPayload
                {
                    Kind = AuditPayloadKind.Governance,
                    Detail = $"{method} {path} refused: role '{GatewayClaims.RoleOf(context.User)}' may not write.",
                },
            };
            var stored = await grains.GetGrain<IAuditTrailGrain>(portfolioId).Append(draft);
            GatewayLog.ForbiddenAttemptChained(log, actor, method, path, portfolioId, stored.Sequence);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The 403 stands whatever the audit trail says; the log line above already holds the attempt.
            GatewayLog.ForbiddenAttemptAuditFailed(log, e, actor, method, path);
        }
    }

    private async Task<string?> PortfolioOfAsync(HttpContext context)
    {
        if (context.GetRouteValue("portfolioId") is string portfolioId)
        {
            return Identifiers.IsPortfolioId(portfolioId) ? portfolioId : null;
        }

        if (context.GetRouteValue("strategyId") is string strategyId && Identifiers.IsStrategyId(strategyId))
        {
            var current = await grains.GetGrain<IStrategyGrain>(strategyId).GetPortfolio();
            return Identifiers.IsPortfolioId(current) ? current : null;
        }

        return null;
    }
}
