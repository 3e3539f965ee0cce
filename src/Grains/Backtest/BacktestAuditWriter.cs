using System.Threading.Channels;
using Polytraders.Contracts;
using Polytraders.Grains.Audit;
using Polytraders.Grains.Risk;
using Polytraders.Grains.Strategies;

namespace Polytraders.Grains.Backtest;

/// <summary>
/// Audits a run in its own chain (chain id = backtest id), never in a Portfolio's: the same STRAT_*/RISK_*/EXEC_* codes
/// and payloads the live grains write, with mode backtest, badge BACKTEST, backtest_id set and no launch_id, at the
/// simulated time of each event. The runner's thread hands drafts over a bounded queue; one pump seals them in order and
/// stores them, so memory stays bounded and the run only waits when the store falls behind. It is the chain's single
/// writer: nothing else appends to a backtest's chain.
/// </summary>
public sealed class BacktestAuditWriter : IBacktestJournal, IAsyncDisposable
{
    private readonly IAuditStore _store;
    private readonly AuditContext _context;
    private readonly string _backtestId;
    private readonly Channel<AuditEnvelope> _queue = Channel.CreateBounded<AuditEnvelope>(new BoundedChannelOptions(4096) { SingleReader = true, SingleWriter = true });
    private Task? _pump;

    public BacktestAuditWriter(IAuditStore store, string backtestId, PortfolioConfig portfolio, string strategyId)
    {
        _store = store;
        _backtestId = backtestId;
        _context = new AuditContext(portfolio.TenantId, portfolio.PortfolioId, strategyId, launchId: null, AuditEnvelopeMode.Backtest, portfolio.BuilderCode);
    }

    public long Written { get; private set; }

    /// <summary>Starts the pump on top of the chain's head (a run restarted after a silo restart continues its chain).</summary>
    public async Task OpenAsync(CancellationToken cancellationToken)
    {
        var head = await _store.GetHeadAsync(_backtestId, cancellationToken).ConfigureAwait(false);
        _pump = Task.Run(() => PumpAsync(head?.Sequence ?? 0, head?.Hash ?? AuditChain.GenesisHash), CancellationToken.None);
    }

    /// <summary>Waits until every envelope is stored; rethrows what the store threw.</summary>
    public async Task CompleteAsync()
    {
        _queue.Writer.TryComplete();
        if (_pump is not null)
        {
            await _pump.ConfigureAwait(false);
        }
    }

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
        Write(change.ReasonCode, "strategy", new AuditPayload { Kind = AuditPayloadKind.Scope, MarketId = change.MarketId }, at);

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

    private void Write(string reasonCode, string actor, AuditPayload payload, DateTimeOffset at)
    {
        var draft = _context.Draft(reasonCode, actor, payload, at) with { Badge = Badge.Backtest, BacktestId = _backtestId };
        if (!_queue.Writer.TryWrite(draft))
        {
            // The runner runs on the thread pool, never in a grain turn: waiting here only slows the run down.
            _queue.Writer.WriteAsync(draft).AsTask().GetAwaiter().GetResult();
        }
    }

    private async Task PumpAsync(long sequence, string previous)
    {
        try
        {
            await foreach (var draft in _queue.Reader.ReadAllAsync().ConfigureAwait(false))
            {
                var envelope = AuditChain.Seal(draft, ++sequence, previous);
                await _store.AppendAsync(_backtestId, envelope, CancellationToken.None).ConfigureAwait(false);
                previous = envelope.Hash;
                Written++;
            }
        }
        catch (Exception e)
        {
            // A writer waiting on a full queue must not wait for a pump that is gone: it sees the failure instead.
            _queue.Writer.TryComplete(e);
            throw;
        }
    }
}
