using Microsoft.Extensions.Options;
using Polytraders.Contracts;
using Polytraders.Gateway.Auth;
using Polytraders.Gateway.Options;
using Polytraders.Grains;

namespace Polytraders.Gateway.Auditing;

/// <summary>
/// Records a refused write (SEC_FORBIDDEN_ROLE) in the log and as a governance envelope on the audit chain of the
/// Portfolio the request named (by its route, or through the Strategy of the route), without letting a caller flood
/// that chain: refusals of the same API key and reason code on the same Portfolio within <c>Gateway:RefusalAudit:Window</c>
/// are one window. The first refusal of a window is appended at once (<c>refusals.count</c> 1); the others are only
/// counted, and appended as one summary envelope with their count and the window when it closes (found by a timer, or
/// by the key's next refusal after it, whichever comes first; on shutdown, whatever is counted is appended). So a flood
/// adds at most two envelopes per key, Portfolio and window, and the counts add up to every refusal. The log likewise
/// warns once per window and counts the rest at Debug. Never fails the response.
/// </summary>
internal sealed class ForbiddenAttemptAuditor(IServiceProvider services, TimeProvider time, IOptions<GatewayOptions> options, ILogger<ForbiddenAttemptAuditor> log)
    : IHostedService, IDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<RefusalKey, RefusalWindow> _windows = [];
    private readonly TimeSpan _window = options.Value.RefusalAudit.Window;
    private ITimer? _timer;
    private int _flushing;

    /// <summary>Resolved when first needed: the auditor starts with the host, the cluster client may come later.</summary>
    private IGrainFactory Grains => services.GetRequiredService<IGrainFactory>();

    public async Task RecordAsync(HttpContext context)
    {
        var actor = GatewayClaims.ActorOf(context.User);
        var role = GatewayClaims.RoleOf(context.User);
        var method = context.Request.Method;
        var path = context.Request.Path.Value ?? "/";

        string? portfolioId = null;
        try
        {
            portfolioId = await PortfolioOfAsync(context);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            GatewayLog.ForbiddenAttemptAuditFailed(log, e, actor, method, path);
        }

        var key = new RefusalKey(GatewayClaims.KeyIdOf(context.User) ?? actor, actor, role, portfolioId, ReasonCodes.SecForbiddenRole);
        var now = time.GetUtcNow();
        RefusalWindow? closed = null;
        RefusalWindow? opened = null;
        lock (_gate)
        {
            if (_windows.TryGetValue(key, out var window) && now < window.End)
            {
                window.Counted++;
                window.Last = $"{method} {path}";
            }
            else
            {
                closed = window;
                opened = new RefusalWindow(key, now, now + _window);
                _windows[key] = opened;
            }
        }

        if (closed is { Counted: > 0 })
        {
            await SummariseAsync(closed, closed.End);
        }

        if (opened is null)
        {
            GatewayLog.ForbiddenAttemptCounted(log, actor, method, path);
            return;
        }

        GatewayLog.ForbiddenAttempt(log, actor, method, path);
        if (portfolioId is null)
        {
            return;
        }

        var count = new RefusalCount { Count = 1, WindowStart = opened.Start, WindowEnd = opened.End };
        var detail = $"{method} {path} refused: role '{role}' may not write. Further refusals of this key here until {opened.End:O} are counted into one envelope.";
        var sequence = await AppendAsync(key, detail, count);
        if (sequence is { } appended)
        {
            GatewayLog.ForbiddenAttemptChained(log, actor, method, path, portfolioId, appended);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var period = TimeSpan.FromTicks(Math.Clamp(_window.Ticks / 4, TimeSpan.FromMilliseconds(50).Ticks, TimeSpan.FromSeconds(5).Ticks));
        _timer = time.CreateTimer(_ => _ = FlushAsync(all: false), null, period, period);
        return Task.CompletedTask;
    }

    /// <summary>Appends what is counted, closed or not: a stopping gateway loses no refusal.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_timer is not null)
        {
            await _timer.DisposeAsync();
        }

        await FlushAsync(all: true);
    }

    public void Dispose() => _timer?.Dispose();

    /// <summary>Summarises every window that has closed (or all of them), each once.</summary>
    internal async Task FlushAsync(bool all)
    {
        if (Interlocked.Exchange(ref _flushing, 1) == 1 && !all)
        {
            return;
        }

        try
        {
            var now = time.GetUtcNow();
            List<RefusalWindow> due;
            lock (_gate)
            {
                due = _windows.Values.Where(w => all || w.End <= now).ToList();
                foreach (var window in due)
                {
                    _windows.Remove(window.Key);
                }
            }

            foreach (var window in due.Where(w => w.Counted > 0))
            {
                await SummariseAsync(window, window.End < now ? window.End : now);
            }
        }
        finally
        {
            Volatile.Write(ref _flushing, 0);
        }
    }

    private async Task SummariseAsync(RefusalWindow window, DateTimeOffset end)
    {
        var key = window.Key;
        GatewayLog.ForbiddenAttemptsSummarised(log, window.Counted, key.Actor, key.PortfolioId ?? "(no Portfolio)", window.Start, end);
        if (key.PortfolioId is null)
        {
            return;
        }

        var count = new RefusalCount { Count = window.Counted, WindowStart = window.Start, WindowEnd = end };
        var detail = $"{window.Counted} more writes refused from {window.Start:O} to {end:O}: role '{key.Role}' may not write (last: {window.Last}).";
        await AppendAsync(key, detail, count);
    }

    /// <summary>The envelope's sequence, or null when the Portfolio does not exist or the trail did not take it (logged).</summary>
    private async Task<long?> AppendAsync(RefusalKey key, string detail, RefusalCount count)
    {
        var portfolioId = key.PortfolioId!;
        try
        {
            var portfolio = await Grains.GetGrain<IPortfolioGrain>(portfolioId).GetState();
            if (portfolio is null)
            {
                GatewayLog.ForbiddenAttemptNotChained(log, key.Actor, portfolioId);
                return null;
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
                ReasonCode = key.ReasonCode,
                BuilderCode = portfolio.Config.BuilderCode,
                Actor = key.Actor,
                Payload = new AuditPayload
                {
                    Kind = AuditPayloadKind.Governance,
                    Detail = detail.Length <= 2000 ? detail : detail[..2000],
                    Refusals = count,
                },
            };
            return (await Grains.GetGrain<IAuditTrailGrain>(portfolioId).Append(draft)).Sequence;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The 403 stands whatever the audit trail says; the log already holds the attempt.
            GatewayLog.ForbiddenAttemptAuditFailed(log, e, key.Actor, "(refusals)", portfolioId);
            return null;
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
            var current = await Grains.GetGrain<IStrategyGrain>(strategyId).GetPortfolio();
            return Identifiers.IsPortfolioId(current) ? current : null;
        }

        return null;
    }

    /// <summary>Whose refusals a window counts: one API key (and the actor it speaks for), one Portfolio (or none), one reason code.</summary>
    private sealed record RefusalKey(string KeyId, string Actor, string Role, string? PortfolioId, string ReasonCode);

    private sealed class RefusalWindow(RefusalKey key, DateTimeOffset start, DateTimeOffset end)
    {
        public RefusalKey Key { get; } = key;

        public DateTimeOffset Start { get; } = start;

        public DateTimeOffset End { get; } = end;

        /// <summary>Refusals after the first, not yet appended.</summary>
        public long Counted { get; set; }

        public string Last { get; set; } = "";
    }
}
