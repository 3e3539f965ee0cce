using Microsoft.Extensions.Logging;
using Polytraders.Contracts;
using Polytraders.Trading;
using Polytraders.Trading.Risk;

namespace Polytraders.Grains.Risk;

/// <summary>
/// The risk gate of one Portfolio: holds the <see cref="RiskBook"/>, runs <see cref="RiskEngine"/> (the same core a
/// Backtest runs) on every intent, audits the decision in both shapes, and forwards what passes to execution.
/// It calls only markets, execution and the audit trail, none of which call back into it while it waits.
/// </summary>
public sealed partial class RiskGrain(
    [PersistentState("risk", StreamNames.GrainStorage)] IPersistentState<RiskGrainState> state,
    TimeProvider time,
    ILogger<RiskGrain> logger) : Grain, IRiskGrain
{
    public async Task Configure(PortfolioConfig config)
    {
        state.State.Config = config;
        state.State.Book ??= RiskEngine.For(config).Book;
        await state.WriteStateAsync();
    }

    public Task<TradingState> GetTradingState() => Task.FromResult(state.State.Book?.TradingState ?? TradingState.Active);

    /// <summary>How often an active grain re-sends approved intents execution has not acknowledged.</summary>
    private static readonly TimeSpan ResendPeriod = TimeSpan.FromMinutes(1);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await base.OnActivateAsync(cancellationToken);
        // Timer ticks do not interleave with requests. The first tick re-sends what a crash left unacknowledged, soon
        // after activation rather than inside it (execution may itself be recovering).
        this.RegisterGrainTimer(_ => ResendUnacknowledged(), TimeSpan.FromMilliseconds(100), ResendPeriod);
    }

    public async Task Submit(OrderIntent intent, AuditContext context)
    {
        state.State.LastContext = context;
        var engine = Engine();
        var market = await GrainFactory.GetGrain<IMarketGrain>(intent.MarketId).GetState();
        if (engine is null || market is null)
        {
            await Decide(context, RiskDecision.Reject(intent, ReasonCodes.RiskUnknownMarket, engine is null ? "the Portfolio has no risk configuration" : $"market {intent.MarketId} is not configured"));
            return;
        }

        // A decision is taken at its own time (so a Backtest decides the same) unless the wall clock is later.
        var now = EventTime.Of(intent.CreatedAt, time.GetUtcNow());
        var last = market.Last is { } update ? new LastTrade(update.Price, update.Timestamp) : (LastTrade?)null;
        var decision = engine.Evaluate(intent, market.Market, last, now);
        if (decision.Final is { } approved)
        {
            // Written with the decision (and its reservation): a crash before execution acknowledges re-sends it.
            state.State.Unacknowledged[approved.ClientOrderId] = new UnacknowledgedIntent(approved, context);
        }

        await Decide(context, decision);
        if (decision.Final is { } final)
        {
            await Send(final, context);
        }
    }

    /// <summary>
    /// Idempotent by <see cref="Fill.FillId"/>: the fill's effect on the book and its id are written together, so a
    /// fill delivered again changes nothing.
    /// </summary>
    public async Task OnFill(Fill fill)
    {
        if (Engine() is not { } engine || await GrainFactory.GetGrain<IMarketGrain>(fill.MarketId).GetState() is not { } market)
        {
            LogFillWithoutBook(this.GetPrimaryKeyString(), fill.FillId);
            return;
        }

        if (!state.State.SeenFills.TryAdd(fill))
        {
            LogDuplicateFill(this.GetPrimaryKeyString(), fill.FillId);
            return;
        }

        var transition = engine.ApplyFill(fill, market.Market, EventTime.Of(fill.FilledAt, time.GetUtcNow()));
        await state.WriteStateAsync();
        await AuditTransition(transition, "risk");
    }

    public async Task ReleaseOrder(string clientOrderId)
    {
        var held = state.State.Book?.OpenOrders.ContainsKey(clientOrderId) == true;
        var unacknowledged = state.State.Unacknowledged.Remove(clientOrderId);
        if (!held && !unacknowledged)
        {
            return;
        }

        Engine()?.ReleaseOrder(clientOrderId);
        await state.WriteStateAsync();
    }

    /// <summary>
    /// Hands an approved intent to execution and settles what its answer means for the reservation. Execution holds
    /// the order from the moment it answers, whatever it answers: accepted (filled, resting or closed), a duplicate
    /// (an earlier send got through: it is already executing), or venue unavailable (execution keeps it pending and
    /// reconciles it; it calls <see cref="ReleaseOrder"/> if that closes it unfilled). Only a refusal releases the
    /// reservation here. A call that throws leaves the intent unacknowledged, re-sent by the timer or the next activation.
    /// </summary>
    private async Task Send(OrderIntent approved, AuditContext context)
    {
        var executed = await GrainFactory.GetGrain<IExecutionGrain>(IExecutionGrain.Key).Execute(approved, context);
        state.State.Unacknowledged.Remove(approved.ClientOrderId);
        if (!executed.Succeeded && executed.ReasonCode is not (ReasonCodes.ExecDuplicateClientOrderId or ReasonCodes.ExecVenueUnavailable))
        {
            Engine()?.ReleaseOrder(approved.ClientOrderId);
        }

        await state.WriteStateAsync();
    }

    private async Task ResendUnacknowledged()
    {
        foreach (var pending in state.State.Unacknowledged.Values.ToList())
        {
            LogResending(this.GetPrimaryKeyString(), pending.Intent.ClientOrderId);
            try
            {
                await Send(pending.Intent, pending.Context);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogResendFailed(this.GetPrimaryKeyString(), pending.Intent.ClientOrderId, e);
                return;
            }
        }
    }

    public async Task SetTradingState(TradingState tradingState, string actor, string reason)
    {
        var engine = Engine() ?? throw new InvalidOperationException($"Portfolio {this.GetPrimaryKeyString()} has no risk configuration.");
        var transition = engine.SetTradingState(tradingState, reason);
        await state.WriteStateAsync();
        await AuditTransition(transition, actor);
    }

    public async Task SetKillSwitch(bool on, string actor, string reason)
    {
        var engine = Engine() ?? throw new InvalidOperationException($"Portfolio {this.GetPrimaryKeyString()} has no risk configuration.");
        var transition = engine.SetKillSwitch(on, reason);
        await state.WriteStateAsync();
        await AuditTransition(transition, actor);
    }

    private RiskEngine? Engine() =>
        state.State.Config is { } config ? RiskEngine.For(config, state.State.Book) : null;

    private async Task Decide(AuditContext context, RiskDecision decision)
    {
        var payload = decision.Outcome switch
        {
            RiskOutcome.Approved => new AuditPayload { Kind = AuditPayloadKind.RiskApproved, Intent = decision.Original },
            RiskOutcome.Reshaped => new AuditPayload { Kind = AuditPayloadKind.RiskReshaped, Intent = decision.Original, ReshapedIntent = decision.Final, Detail = decision.Detail },
            _ => new AuditPayload { Kind = AuditPayloadKind.RiskRejected, Intent = decision.Original, Detail = decision.Detail },
        };
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<IAuditTrailGrain>(context.PortfolioId).Append(context.Draft(decision.ReasonCode, "risk", payload, time.GetUtcNow()));
        if (decision.Outcome == RiskOutcome.Rejected)
        {
            await GrainFactory.GetGrain<IStrategyGrain>(decision.Original.StrategyId).OnIntentRejected(decision.Original.ClientOrderId, decision.ReasonCode);
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
        await GrainFactory.GetGrain<IAuditTrailGrain>(config.PortfolioId)
            .Append(context.Draft(transition.ReasonCode, actor, new AuditPayload { Kind = AuditPayloadKind.Governance, Detail = detail }, time.GetUtcNow()));
        LogTransition(config.PortfolioId, detail, actor);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Portfolio {PortfolioId}: fill {FillId} already applied; skipped")]
    private partial void LogDuplicateFill(string portfolioId, string fillId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Portfolio {PortfolioId}: re-sending approved intent {ClientOrderId}, which execution has not acknowledged")]
    private partial void LogResending(string portfolioId, string clientOrderId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Portfolio {PortfolioId}: re-sending {ClientOrderId} failed; retried on the next tick")]
    private partial void LogResendFailed(string portfolioId, string clientOrderId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Portfolio {PortfolioId}: fill {FillId} arrived without a risk book or market")]
    private partial void LogFillWithoutBook(string portfolioId, string fillId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Portfolio {PortfolioId}: {Transition} by {Actor}")]
    private partial void LogTransition(string portfolioId, string transition, string actor);
}

[GenerateSerializer]
[Alias("Polytraders.RiskGrainState")]
public sealed class RiskGrainState
{
    [Id(0)]
    public PortfolioConfig? Config { get; set; }

    [Id(1)]
    public RiskBook? Book { get; set; }

    /// <summary>The last launch that sent an intent, so governance envelopes land in the same mode and chain.</summary>
    [Id(2)]
    public AuditContext? LastContext { get; set; }

    /// <summary>
    /// Approved intents execution has not yet acknowledged, by client order id: written with the approval, removed
    /// when execution answers. What a crash leaves here is re-sent; execution's idempotency record makes that safe.
    /// </summary>
    [Id(3)]
    public Dictionary<string, UnacknowledgedIntent> Unacknowledged { get; set; } = [];

    /// <summary>Fills already applied to the book (bounded window, see <see cref="SeenFillIds"/>).</summary>
    [Id(4)]
    public SeenFillIds SeenFills { get; set; } = new();
}

[GenerateSerializer]
[Alias("Polytraders.UnacknowledgedIntent")]
public sealed record UnacknowledgedIntent(
    [property: Id(0)] OrderIntent Intent,
    [property: Id(1)] AuditContext Context);
