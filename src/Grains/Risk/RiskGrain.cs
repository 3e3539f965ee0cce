using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polytraders.Contracts;
using Polytraders.Grains.Execution;
using Polytraders.Grains.Pipeline;
using Polytraders.Grains.Telemetry;
using Polytraders.Trading;
using Polytraders.Trading.Portfolios;
using Polytraders.Trading.Risk;

namespace Polytraders.Grains.Risk;

/// <summary>
/// The risk gate of one Portfolio: holds the <see cref="RiskBook"/>, runs <see cref="RiskEngine"/> (the same core a
/// Backtest runs) on every intent the moment it arrives, audits the decision in both shapes, and hands what passes to
/// its order grain. A decision's turn awaits nothing but the market's price: the state write, the audit append and the
/// hand-over run behind it, in order, in batches (<see cref="TurnOutbox{TItem}"/>), so intents never queue behind the
/// venue and are checked against the price they were made on.
/// </summary>
/// <remarks>
/// An approval is written (with its reservation and as unacknowledged) before its order grain hears of it; the order
/// grain's answer acknowledges it. What a crash leaves unacknowledged is sent again, and the order grain, the client
/// order id's idempotency record, never places it twice. Backpressure is explicit: with as many of this Portfolio's
/// orders waiting on execution as <see cref="ExecutionOptions.MaxOrdersInFlightPerPortfolio"/> allows, or while
/// execution says it is saturated, an intent is refused with RISK_EXECUTION_SATURATED rather than queued.
/// </remarks>
public sealed partial class RiskGrain(
    [PersistentState("risk", StreamNames.GrainStorage)] IPersistentState<RiskGrainState> state,
    IOptions<ExecutionOptions> execution,
    DeploymentProfile deployment,
    TimeProvider time,
    ILogger<RiskGrain> logger) : Grain, IRiskGrain, IRemindable
{
    /// <summary>
    /// A durable silo's reminder on every configured Portfolio's risk grain: after the silo that held it died, it comes
    /// back within a minute by itself, re-sends what is unacknowledged and wakes its open orders, whether or not anyone
    /// calls it.
    /// </summary>
    public const string WakeReminder = "risk-wake";

    /// <summary>How often an active grain re-sends approved intents execution has not acknowledged.</summary>
    private static readonly TimeSpan ResendPeriod = TimeSpan.FromMinutes(1);

    private TurnOutbox<RiskStep>? _outbox;
    private static readonly string[] OutcomeTags = ["approved", "reshaped", "rejected"];

    private SerialWriter? _writer;
    private DateTimeOffset _saturatedUntil;

    private readonly GrainReferenceCache<IAuditTrailGrain> _auditTrail = new();
    private readonly GrainReferenceCache<IStrategyGrain> _strategy = new();
    private readonly GrainReferenceCache<IMarketGrain> _market = new();

    private SerialWriter Writer => _writer ??= new SerialWriter(() => state.WriteStateAsync(), time, DeliveryFailed);

    private TurnOutbox<RiskStep> Outbox => _outbox ??= new TurnOutbox<RiskStep>(
        execution.Value.MaxOrdersInFlightPerPortfolio * 4,
        DeliverAsync,
        DeliveryFailed,
        time);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await base.OnActivateAsync(cancellationToken);
        // Timer ticks do not interleave with requests. The first tick comes soon after activation rather than inside it
        // (execution may itself be recovering): after a restart, orders finish what they were doing now, not at their
        // reminder. Then every minute: an order grain whose release was lost (its silo died after it was done) says
        // again that it is done, so a lost release holds a slot of MaxOrdersInFlightPerPortfolio for a minute at most.
        this.RegisterGrainTimer(WakeAsync, TimeSpan.FromMilliseconds(100), ResendPeriod);
    }

    /// <summary>Re-sends what a crash left unacknowledged, then wakes the order grains of the orders the book holds open.</summary>
    private async Task WakeAsync()
    {
        await ResendUnacknowledged();
        await WakeOpenOrders();
    }

    private async Task WakeOpenOrders()
    {
        foreach (var clientOrderId in state.State.Book?.OpenOrders.Keys.Except(state.State.Unacknowledged.Keys).ToList() ?? [])
        {
            await GrainFactory.GetGrain<IOrderGrain>(clientOrderId).Continue();
        }
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_outbox is { } outbox)
        {
            await outbox.DrainAsync().WaitAsync(cancellationToken);
        }

        if (_writer is { } writer)
        {
            await writer.FlushAsync().WaitAsync(cancellationToken);
        }

        await base.OnDeactivateAsync(reason, cancellationToken);
    }

    public async Task Configure(PortfolioConfig config)
    {
        state.State.Config = config;
        state.State.Book ??= RiskEngine.For(config).Book;
        await Writer.WriteAsync();
        if (deployment.DurableStorage)
        {
            await this.RegisterOrUpdateReminder(WakeReminder, ResendPeriod, ResendPeriod);
        }
    }

    public async Task<CommandResult> Reconfigure(PortfolioConfig config)
    {
        if (state.State.Book is { } book && CapsAgainstHoldings.Check(config, book) is { } below)
        {
            return CommandResult.Refused(below.Code, below.Message);
        }

        await Configure(config);
        return CommandResult.Done(config.PortfolioId);
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => WakeAsync();

    public Task<TradingState> GetTradingState() => Task.FromResult(state.State.Book?.TradingState ?? TradingState.Active);

    public Task<List<string>> GetOpenOrders() => Task.FromResult(state.State.Book?.OpenOrders.Keys.ToList() ?? []);

    public Task<Holdings> GetHoldings() => Task.FromResult(state.State.Book is { } book
        ? new Holdings(book.Balance, PortfolioPositions.Of(book), book.TradingState)
        : new Holdings(state.State.Config?.Bankroll ?? 0m, [], TradingState.Active));

    public async Task Submit(OrderIntent intent, AuditContext context)
    {
        if (state.State.Unacknowledged.ContainsKey(intent.ClientOrderId) || state.State.Book?.OpenOrders.ContainsKey(intent.ClientOrderId) == true)
        {
            // A Strategy sends a pending intent again after a restart: this one is decided and on its way.
            LogAlreadyDecided(this.GetPrimaryKeyString(), intent.ClientOrderId);
            return;
        }

        state.State.LastContext = context;
        var engine = Engine();
        var market = await _market.Get(GrainFactory, intent.MarketId).GetState();
        if (engine is null || market is null)
        {
            Decide(context, RiskDecision.Reject(intent, ReasonCodes.RiskUnknownMarket, engine is null ? "the Portfolio has no risk configuration" : $"market {intent.MarketId} is not configured"));
            return;
        }

        // A decision is taken at its own time (so a Backtest decides the same) unless the wall clock is later.
        var now = EventTime.Of(intent.CreatedAt, time.GetUtcNow());
        if (Saturation(time.GetUtcNow()) is { } saturated)
        {
            Decide(context, RiskDecision.Reject(intent, ReasonCodes.RiskExecutionSaturated, saturated));
            return;
        }

        var last = market.Last is { } update ? new LastTrade(update.Price, update.Timestamp) : (LastTrade?)null;
        Decide(context, engine.Evaluate(intent, market.Market, last, now));
    }

    /// <summary>
    /// Idempotent by <see cref="Fill.FillId"/>: the fill's effect on the book and its id (on the order it fills) are
    /// written together, so a fill delivered again changes nothing.
    /// </summary>
    public async Task OnFill(Fill fill)
    {
        if (Engine() is not { } engine || await _market.Get(GrainFactory, fill.MarketId).GetState() is not { } market)
        {
            LogFillWithoutBook(this.GetPrimaryKeyString(), fill.FillId);
            return;
        }

        if (engine.HasBooked(fill))
        {
            LogDuplicateFill(this.GetPrimaryKeyString(), fill.FillId);
            return;
        }

        var transition = engine.ApplyFill(fill, market.Market, EventTime.Of(fill.FilledAt, time.GetUtcNow()));
        await Writer.WriteAsync();
        await AuditTransition(transition, "risk");
    }

    public async Task OnFillReversed(Fill fill)
    {
        if (Engine() is not { } engine || await _market.Get(GrainFactory, fill.MarketId).GetState() is not { } market)
        {
            LogFillWithoutBook(this.GetPrimaryKeyString(), fill.FillId);
            return;
        }

        if (engine.HasReversed(fill))
        {
            LogDuplicateFill(this.GetPrimaryKeyString(), FillReversals.IdOf(fill));
            return;
        }

        var reversal = engine.ReverseFill(fill, market.Market, time.GetUtcNow());
        await Writer.WriteAsync();
        if (reversal.Shortfall > 0m)
        {
            LogReversalShortfall(this.GetPrimaryKeyString(), fill.FillId, reversal.Shortfall, fill.TokenId);
        }

        await AuditTransition(reversal.Transition, "risk");
    }

    public async Task ReleaseOrder(string clientOrderId)
    {
        var held = state.State.Book?.OpenOrders.ContainsKey(clientOrderId) == true;
        var unacknowledged = state.State.Unacknowledged.Remove(clientOrderId);
        if (!held && !unacknowledged)
        {
            return;
        }

        // Deferred: a release lost with this activation is made again, since activation wakes every order the book holds
        // and a done order grain releases itself again.
        Engine()?.ReleaseOrder(clientOrderId);
        Writer.Defer();
    }

    public async Task SetTradingState(TradingState tradingState, string actor, string reason)
    {
        var engine = Engine() ?? throw new InvalidOperationException($"Portfolio {this.GetPrimaryKeyString()} has no risk configuration.");
        var transition = engine.SetTradingState(tradingState, reason);
        await Writer.WriteAsync();
        await AuditTransition(transition, actor);
    }

    public async Task SetKillSwitch(bool on, string actor, string reason)
    {
        var engine = Engine() ?? throw new InvalidOperationException($"Portfolio {this.GetPrimaryKeyString()} has no risk configuration.");
        var transition = engine.SetKillSwitch(on, reason);
        await Writer.WriteAsync();
        await AuditTransition(transition, actor);
    }

    private RiskEngine? Engine() =>
        state.State.Config is { } config ? RiskEngine.For(config, state.State.Book) : null;

    /// <summary>A stale activation (another one wrote the state since) leaves: the next one starts from what is stored.</summary>
    private void DeliveryFailed(Exception exception)
    {
        LogDeliveryFailed(this.GetPrimaryKeyString(), exception);
        if (exception is Orleans.Storage.InconsistentStateException)
        {
            DeactivateOnIdle();
        }
    }

    /// <summary>Why an intent must be refused now rather than queued, or null when execution has room.</summary>
    private string? Saturation(DateTimeOffset now)
    {
        if (now < _saturatedUntil)
        {
            return $"execution said it is saturated; refusing until {_saturatedUntil:O}";
        }

        var inFlight = state.State.Book?.OpenOrders.Count ?? 0;
        return inFlight >= execution.Value.MaxOrdersInFlightPerPortfolio || !Outbox.HasRoom()
            ? $"{inFlight} of this Portfolio's orders are in flight, the most allowed ({execution.Value.MaxOrdersInFlightPerPortfolio})"
            : null;
    }

    /// <summary>Queues the decision's write, envelope and hand-over; the turn that decided returns at once.</summary>
    private void Decide(AuditContext context, RiskDecision decision)
    {
        var payload = decision.Outcome switch
        {
            RiskOutcome.Approved => new AuditPayload { Kind = AuditPayloadKind.RiskApproved, Intent = decision.Original },
            RiskOutcome.Reshaped => new AuditPayload { Kind = AuditPayloadKind.RiskReshaped, Intent = decision.Original, ReshapedIntent = decision.Final, Detail = decision.Detail },
            _ => new AuditPayload { Kind = AuditPayloadKind.RiskRejected, Intent = decision.Original, Detail = decision.Detail },
        };
        var envelope = context.Draft(decision.ReasonCode, "risk", payload, time.GetUtcNow());
        GrainMetrics.Intents.Add(1, new("outcome", OutcomeTags[(int)decision.Outcome]), new("reason_code", decision.ReasonCode));
        if (decision.Final is { } approved)
        {
            // The order is signed for the Portfolio's account as configured when it was approved.
            context = context with { PolymarketAccount = state.State.Config?.PolymarketAccount };

            // Written with the decision (and its reservation and envelope) before the order grain hears of it: a restart
            // appends the approval (idempotent by its id) and sends the intent again.
            state.State.Unacknowledged[approved.ClientOrderId] = new UnacknowledgedIntent(context, envelope);
        }

        var step = new RiskStep(envelope, context, decision.Final, decision.Outcome == RiskOutcome.Rejected ? decision : null);
        if (!Outbox.TryEnqueue(step))
        {
            // Saturation() refuses an intent to approve before the outbox fills, so only a rejection gets here, while
            // deliveries fail (the audit store is down): the Strategy still hears it, the trail cannot.
            LogOutboxFull(this.GetPrimaryKeyString(), decision.Original.ClientOrderId, decision.ReasonCode);
            _ = _strategy.Get(GrainFactory, decision.Original.StrategyId).OnIntentRejected(decision.Original.ClientOrderId, decision.ReasonCode);
        }
    }

    /// <summary>
    /// One batch: the decisions' state in one write, their envelopes in one append (in decision order), then the
    /// approved orders handed to their order grains side by side and the rejections told to the Strategies.
    /// </summary>
    private async Task DeliverAsync(IReadOnlyList<RiskStep> batch)
    {
        await Writer.WriteAsync();
        await _auditTrail.Get(GrainFactory, this.GetPrimaryKeyString()).AppendBatch([.. batch.Select(s => s.Envelope)]);
        foreach (var step in batch)
        {
            if (step.Rejected is { } rejected)
            {
                await _strategy.Get(GrainFactory, rejected.Original.StrategyId).OnIntentRejected(rejected.Original.ClientOrderId, rejected.ReasonCode);
            }
        }

        foreach (var decided in batch.Select(s => s.Approved).OfType<OrderIntent>().GroupBy(i => i.StrategyId, StringComparer.Ordinal))
        {
            await _strategy.Get(GrainFactory, decided.Key).OnIntentsDecided([.. decided.Select(i => i.ClientOrderId)]);
        }

        var placed = batch.Where(s => s.Approved is not null).ToList();
        if (placed.Count == 0)
        {
            return;
        }

        var answers = await Task.WhenAll(placed.Select(s => GrainFactory.GetGrain<IOrderGrain>(s.Approved!.ClientOrderId).Place(s.Approved, s.Context)));
        await AcknowledgeAsync([.. placed.Select(s => s.Approved!)], answers);
    }

    /// <summary>
    /// Placed orders need no write of their own: one sent again after a restart is answered as a duplicate. A refusal
    /// releases a reservation, which is written before anything else is decided on it.
    /// </summary>
    private async Task AcknowledgeAsync(IReadOnlyList<OrderIntent> sent, CommandResult[] answers)
    {
        for (var i = 0; i < sent.Count; i++)
        {
            Acknowledge(sent[i], answers[i]);
            if (answers[i].ReasonCode == ReasonCodes.ExecDuplicateClientOrderId)
            {
                // Sent again after a restart, and placed before it: the order grain may have work left (a submission
                // whose answer was lost), so it is woken now rather than at its reminder.
                await GrainFactory.GetGrain<IOrderGrain>(sent[i].ClientOrderId).Continue();
            }
        }

        if (answers.All(a => a.Succeeded || a.ReasonCode == ReasonCodes.ExecDuplicateClientOrderId))
        {
            Writer.Defer();
        }
        else
        {
            await Writer.WriteAsync();
        }
    }

    /// <summary>
    /// The order grain holds the order from the moment it answers, whatever it answers: placed (signed), a duplicate (an
    /// earlier send got through) or refused. Only a refusal releases the reservation, and a saturated execution pauses
    /// approvals for a moment.
    /// </summary>
    private void Acknowledge(OrderIntent approved, CommandResult answer)
    {
        state.State.Unacknowledged.Remove(approved.ClientOrderId);
        if (answer.Succeeded || answer.ReasonCode == ReasonCodes.ExecDuplicateClientOrderId)
        {
            return;
        }

        if (answer.ReasonCode == ReasonCodes.ExecSaturated)
        {
            _saturatedUntil = time.GetUtcNow() + execution.Value.SaturationPause;
        }

        Engine()?.ReleaseOrder(approved.ClientOrderId);
    }

    /// <summary>
    /// Sends again what a crash or a failed hand-over left unacknowledged. While the outbox still holds decisions, their
    /// hand-overs are on their way: the next tick looks again.
    /// </summary>
    private async Task ResendUnacknowledged()
    {
        if (state.State.Unacknowledged.Count == 0 || Outbox.Count > 0)
        {
            return;
        }

        var pending = state.State.Unacknowledged.Values.ToList();
        foreach (var intent in pending)
        {
            LogResending(this.GetPrimaryKeyString(), intent.Intent.ClientOrderId);
        }

        try
        {
            await _auditTrail.Get(GrainFactory, this.GetPrimaryKeyString()).AppendBatch([.. pending.Select(p => p.Approval)]);
            var answers = await Task.WhenAll(pending.Select(p => GrainFactory.GetGrain<IOrderGrain>(p.Intent.ClientOrderId).Place(p.Intent, p.Context)));
            await AcknowledgeAsync([.. pending.Select(p => p.Intent)], answers);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogResendFailed(this.GetPrimaryKeyString(), e);
        }
    }

    private async Task AuditTransition(TradingStateTransition? transition, string actor)
    {
        if (transition is null || state.State.Config is not { } config)
        {
            return;
        }

        var context = state.State.LastContext ?? new AuditContext(config.TenantId, config.PortfolioId, null, null, AuditEnvelopeMode.Paper, config.BuilderCode);
        var detail = $"{transition.From} -> {transition.To}, kill switch {(transition.KillSwitch ? "on" : "off")}: {transition.Reason}";
        await _auditTrail.Get(GrainFactory, config.PortfolioId)
            .Append(context.Draft(transition.ReasonCode, actor, new AuditPayload { Kind = AuditPayloadKind.Governance, Detail = detail }, time.GetUtcNow()));
        LogTransition(config.PortfolioId, detail, actor);

        // A kill switch takes the Tenant's classes off the live rungs: going live again is a fresh promotion.
        if (transition.ReasonCode == ReasonCodes.GovKillSwitchOn)
        {
            foreach (var botClass in Enum.GetValues<BotClass>())
            {
                await GrainFactory.GetGrain<IModeLadderGrain>(IModeLadderGrain.Key(config.TenantId, botClass))
                    .Demote($"kill switch on for {config.PortfolioId} by {actor}: {transition.Reason}");
            }
        }
    }

    /// <summary>A decision on its way out: its envelope, and the order to place or the rejection to tell.</summary>
    private sealed record RiskStep(AuditEnvelope Envelope, AuditContext Context, OrderIntent? Approved, RiskDecision? Rejected);

    [LoggerMessage(Level = LogLevel.Information, Message = "Portfolio {PortfolioId}: intent {ClientOrderId} sent again is already decided and in flight; ignored")]
    private partial void LogAlreadyDecided(string portfolioId, string clientOrderId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Portfolio {PortfolioId}: fill {FillId} already applied; skipped")]
    private partial void LogDuplicateFill(string portfolioId, string fillId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Portfolio {PortfolioId}: re-sending approved intent {ClientOrderId}, which execution has not acknowledged")]
    private partial void LogResending(string portfolioId, string clientOrderId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Portfolio {PortfolioId}: re-sending unacknowledged intents failed; retried on the next tick")]
    private partial void LogResendFailed(string portfolioId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Portfolio {PortfolioId}: delivering risk decisions failed; retried")]
    private partial void LogDeliveryFailed(string portfolioId, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Portfolio {PortfolioId}: risk's outbox is full; rejection {ReasonCode} of {ClientOrderId} told to the Strategy but not audited")]
    private partial void LogOutboxFull(string portfolioId, string clientOrderId, string reasonCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Portfolio {PortfolioId}: fill {FillId} arrived without a risk book or market")]
    private partial void LogFillWithoutBook(string portfolioId, string fillId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Portfolio {PortfolioId}: reversing failed fill {FillId} found {Shortfall} of its tokens of {TokenId} already sold; the position is emptied, not short, and needs an operator's correction")]
    private partial void LogReversalShortfall(string portfolioId, string fillId, decimal shortfall, string tokenId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Portfolio {PortfolioId}: {Transition} by {Actor}")]
    private partial void LogTransition(string portfolioId, string transition, string actor);
}
