using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using Polytraders.Contracts;
using Polytraders.Trading.Audit;
using Polytraders.Trading.Momentum;
using Polytraders.Trading.Risk;
using Polytraders.Trading.Scope;

namespace Polytraders.Trading.Backtest;

/// <summary>
/// Audits a run in its own chain (chain id = backtest id), never in a Portfolio's: the same STRAT_*/RISK_*/EXEC_* codes
/// and payloads the live grains write, with mode backtest, badge BACKTEST, backtest_id set and no launch_id, at the
/// simulated time of each event. The runner's thread hands drafts over a bounded queue; one pump seals them in order and
/// stores them, so memory stays bounded and the run only waits when the store falls behind. It is the chain's single
/// writer: nothing else appends to a backtest's chain.
/// <para>
/// A run that starts again after a silo restart finds links in its chain already: the pump matches the new attempt's
/// drafts against them instead of storing them twice (<see cref="BacktestChainResume"/>), and before its first new link
/// it appends one <see cref="ReasonCodes.StratBacktestResumed"/> link saying so. A reviewer reads every decision once,
/// in order, and sees where the silo restarted. A run that stops early (cancelled, failed) ends its chain with a
/// closing stop link (<see cref="CloseAsync"/>); a completed run's chain ends with its last decision.
/// </para>
/// </summary>
public sealed class BacktestAuditWriter : IBacktestJournal, IAsyncDisposable
{
    private readonly IAuditStore _store;
    private readonly AuditContext _context;
    private readonly string _backtestId;
    private readonly TimeProvider _time;
    private readonly Channel<Link> _queue = Channel.CreateBounded<Link>(new BoundedChannelOptions(4096) { SingleReader = true, SingleWriter = true });
    private Task? _pump;
    private BacktestChainResume? _resume;
    private volatile bool _finished;

    public BacktestAuditWriter(IAuditStore store, string backtestId, PortfolioConfig portfolio, string strategyId, TimeProvider time)
    {
        _store = store;
        _backtestId = backtestId;
        _time = time;
        _context = new AuditContext(portfolio.TenantId, portfolio.PortfolioId, strategyId, launchId: null, AuditEnvelopeMode.Backtest, portfolio.BuilderCode);
    }

    /// <summary>Links this writer appended.</summary>
    public long Written { get; private set; }

    /// <summary>Links of an earlier attempt this run re-derived rather than appended (0 unless it started again).</summary>
    public long Rederived => _resume?.Matched ?? 0;

    /// <summary>Starts the pump; on a chain that holds links already (the run started again), it resumes it.</summary>
    public async Task OpenAsync(CancellationToken cancellationToken)
    {
        var head = await _store.GetHeadAsync(_backtestId, cancellationToken).ConfigureAwait(false);
        _resume = head is null ? null : new BacktestChainResume(_store, _backtestId, head);
        _pump = Task.Run(PumpAsync, CancellationToken.None);
    }

    /// <summary>The run produced every draft: waits until every envelope is stored; rethrows what the store threw.</summary>
    public async Task CompleteAsync()
    {
        _finished = true;
        _queue.Writer.TryComplete();
        if (_pump is not null)
        {
            await _pump.ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The run stopped before its end: a last link (kind stop) says why and who stopped it, then the writer completes.
    /// Throws when the pump has already failed (the store is gone): the chain then ends where the store stopped.
    /// </summary>
    public async Task CloseAsync(string reasonCode, string actor, string detail, DateTimeOffset at)
    {
        var draft = Draft(reasonCode, actor, new AuditPayload { Kind = AuditPayloadKind.Stop, Detail = Clip(detail) }, at);
        await _queue.Writer.WriteAsync(new Link(draft, Closing: true)).ConfigureAwait(false);
        await CompleteAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// Stores what is queued and stops. Without <see cref="CompleteAsync"/> or <see cref="CloseAsync"/> first, the run was
    /// abandoned (its activation went away): the chain is left as far as it got, for the next attempt to resume.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        if (_pump is not null)
        {
            try
            {
                await _pump.ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Already reported by CompleteAsync where the run finished normally.
            }
        }
    }

    public void Scope(ScopeChange change, DateTimeOffset at) =>
        Write(change.ReasonCode, "strategy", change.Payload, at);

    public void Signal(Signal signal) =>
        Write(ReasonCodes.StratSignal, "strategy", new AuditPayload { Kind = AuditPayloadKind.Signal, Signal = signal }, signal.AsOf);

    public void Intent(OrderIntent intent) =>
        Write(intent.ReasonCode ?? ReasonCodes.StratMomentumExit, "strategy", new AuditPayload { Kind = AuditPayloadKind.Intent, Intent = intent }, intent.CreatedAt);

    public void Risk(RiskDecision decision, DateTimeOffset at) => Write(decision.ReasonCode, "risk", decision.Outcome switch
    {
        RiskOutcome.Approved => new AuditPayload { Kind = AuditPayloadKind.RiskApproved, Intent = decision.Original },
        RiskOutcome.Reshaped => new AuditPayload { Kind = AuditPayloadKind.RiskReshaped, Intent = decision.Original, ReshapedIntent = decision.Final, Detail = Clip(decision.Detail) },
        _ => new AuditPayload { Kind = AuditPayloadKind.RiskRejected, Intent = decision.Original, Detail = Clip(decision.Detail) },
    }, at);

    public void Filled(Fill fill) =>
        Write(ReasonCodes.ExecOrderFilled, "execution", new AuditPayload { Kind = AuditPayloadKind.Fill, Fill = fill }, fill.FilledAt);

    public void Unfilled(OrderIntent order, string detail, DateTimeOffset at) =>
        Write(ReasonCodes.ExecOrderUnfilled, "execution", new AuditPayload { Kind = AuditPayloadKind.OrderFailed, Intent = order, Detail = Clip(detail) }, at);

    public void Stranded(MomentumPosition position, string reasonCode, DateTimeOffset at) =>
        Write(reasonCode, "strategy", new AuditPayload
        {
            Kind = AuditPayloadKind.Governance,
            MarketId = position.MarketId,
            Detail = $"position of {position.Size} in {position.MarketId} cannot be sold; flagged for redemption or an operator",
        }, at);

    public void Settled(Market market, string tokenId, decimal size, decimal payout, DateTimeOffset at) =>
        Write(ReasonCodes.StratMarketResolved, "system", new AuditPayload
        {
            Kind = AuditPayloadKind.Governance,
            MarketId = market.MarketId,
            Detail = $"settled {size} tokens of {tokenId} at {payout} pUSD each: the market resolved {market.Outcomes.First(o => o.TokenId == tokenId).Name}={(payout == 1m ? "won" : "lost")}",
        }, at);

    public void Transition(TradingStateTransition transition, DateTimeOffset at) =>
        Write(transition.ReasonCode, "risk", new AuditPayload
        {
            Kind = AuditPayloadKind.Governance,
            Detail = Clip($"{transition.From} -> {transition.To}, kill switch {(transition.KillSwitch ? "on" : "off")}: {transition.Reason}"),
        }, at);

    private static string Clip(string text) => text.Length <= 2000 ? text : text[..1997] + "...";

    private AuditEnvelope Draft(string reasonCode, string actor, AuditPayload payload, DateTimeOffset at) =>
        _context.Draft(reasonCode, actor, payload, at) with { Badge = Badge.Backtest, BacktestId = _backtestId };

    private void Write(string reasonCode, string actor, AuditPayload payload, DateTimeOffset at)
    {
        var link = new Link(Draft(reasonCode, actor, payload, at), Closing: false);
        if (_queue.Writer.TryWrite(link))
        {
            return;
        }

        try
        {
            // The runner runs on the thread pool, never in a grain turn: waiting here only slows the run down.
            _queue.Writer.WriteAsync(link).AsTask().GetAwaiter().GetResult();
        }
        catch (ChannelClosedException closed) when (closed.InnerException is { } pumpFailure)
        {
            // The run stops on what stopped the pump (the store, a resumed chain that does not match), not on the queue.
            ExceptionDispatchInfo.Throw(pumpFailure);
        }
    }

    private async Task PumpAsync()
    {
        var resume = _resume;
        var (sequence, previous) = (0L, AuditChain.GenesisHash);
        try
        {
            await foreach (var link in _queue.Reader.ReadAllAsync().ConfigureAwait(false))
            {
                if (resume is not null)
                {
                    if (!link.Closing && await resume.MatchAsync(link.Draft).ConfigureAwait(false))
                    {
                        continue;
                    }

                    (sequence, previous) = await ResumedAsync(resume).ConfigureAwait(false);
                    resume = null;
                }

                (sequence, previous) = await AppendAsync(link.Draft, sequence, previous).ConfigureAwait(false);
            }

            if (resume is not null && _finished)
            {
                // Every draft of the run was in the chain already: the attempt before stopped after storing its last one.
                await resume.SkipRestAsync().ConfigureAwait(false);
                if (resume.Unmatched > 0)
                {
                    throw new BacktestException(
                        ReasonCodes.StratBacktestFailed,
                        $"Started again after a silo restart, the run ended after re-deriving {resume.Matched} decision link(s) of its chain, which holds {resume.Unmatched} more; nothing was appended.");
                }

                await ResumedAsync(resume).ConfigureAwait(false);
            }
        }
        catch (Exception e)
        {
            // A writer waiting on a full queue must not wait for a pump that is gone: it sees the failure instead.
            _queue.Writer.TryComplete(e);
            throw;
        }
    }

    /// <summary>Passes what is left of the stored links and appends the link that marks where the new attempt continues.</summary>
    private async Task<(long Sequence, string Hash)> ResumedAsync(BacktestChainResume resume)
    {
        await resume.SkipRestAsync().ConfigureAwait(false);
        var notReached = resume.Unmatched > 0 ? $", stopped before re-deriving the other {resume.Unmatched}" : string.Empty;
        var detail = $"The silo restarted while this run was running and the run started again from the start. It re-derived {resume.Matched} decision link(s) already in the chain identically{notReached}, stored none of them twice, and continues the chain after link {resume.Head.Sequence}.";
        var marker = Draft(ReasonCodes.StratBacktestResumed, "system", new AuditPayload { Kind = AuditPayloadKind.Governance, Detail = Clip(detail) }, _time.GetUtcNow());
        var (sequence, hash) = resume.Position;
        return await AppendAsync(marker, sequence, hash).ConfigureAwait(false);
    }

    private async Task<(long Sequence, string Hash)> AppendAsync(AuditEnvelope draft, long sequence, string previous)
    {
        var envelope = AuditChain.Seal(draft, sequence + 1, previous);
        await _store.AppendAsync(_backtestId, [envelope], CancellationToken.None).ConfigureAwait(false);
        Written++;
        return (envelope.Sequence, envelope.Hash);
    }

    /// <summary>A draft on its way to the pump; a closing one is never matched against links of an earlier attempt.</summary>
    private readonly record struct Link(AuditEnvelope Draft, bool Closing);
}
