using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Orleans.Streams;
using Polytraders.Contracts;
using Polytraders.Grains.Pipeline;
using Polytraders.Grains.Telemetry;
using Polytraders.Trading.Audit;
using Polytraders.Trading.Intelligence;
using Polytraders.Trading.Momentum;
using Polytraders.Trading.Portfolios;
using Polytraders.Trading.Scope;

namespace Polytraders.Grains.Strategies;

/// <summary>
/// The actor shell of a momentum Strategy: it holds the launch, subscribes to the streams of exactly the markets in
/// its Market scope, feeds each price to <see cref="MomentumStrategy"/> (the same core a Backtest runs), audits what
/// the core decides and sends intents one-way to the risk grain of its Portfolio.
/// </summary>
/// <remarks>
/// A tick's turn awaits nothing: what the core decided goes to an ordered outbox (<see cref="TurnOutbox{TItem}"/>) that
/// appends envelopes in batches behind the turns. State is written when it changes meaning, before what depends on it
/// leaves: the book (<see cref="StrategyBookState"/>: positions, pending intents, booked fills) when an intent is sent or
/// a fill or a rejection applied, and an intent is sent only once the write that records it pending is done; the launch
/// (<see cref="StrategyGrainState"/>) when it starts, stops or its scope changes. Two records, so a trade writes only
/// what it changed. A Signal alone changes nothing that must survive; the Signals of the last moments before a crash
/// may be missing from the trail, never an intent or an outcome.
/// </remarks>
public sealed partial class StrategyGrain(
    [PersistentState("strategy", StreamNames.GrainStorage)] IPersistentState<StrategyGrainState> state,
    [PersistentState("strategy-book", StreamNames.GrainStorage)] IPersistentState<StrategyBookState> book,
    TimeProvider time,
    ILogger<StrategyGrain> logger) : Grain, IStrategyGrain, IAsyncObserver<PriceUpdate>
{
    /// <summary>Envelopes and intents decided and not yet delivered; beyond it a tick waits for the outbox to drain.</summary>
    private const int OutboxCapacity = 4_096;

    private const string StrategyActor = "strategy";

    private readonly Dictionary<string, Market> _markets = new(MarketScopeRules.MarketIdComparer);
    private MomentumStrategy? _core;
    private ScopeTracker? _scope;
    private TurnOutbox<Outgoing>? _outbox;
    private SerialWriter? _writer;
    private readonly GrainReferenceCache<IAuditTrailGrain> _auditTrail = new();
    private readonly GrainReferenceCache<IRiskGrain> _risk = new();

    private TurnOutbox<Outgoing> Outbox => _outbox ??= new TurnOutbox<Outgoing>(OutboxCapacity, DeliverAsync, DeliveryFailed, time);

    private SerialWriter Writer => _writer ??= new SerialWriter(
        () =>
        {
            book.State.Core = _core?.State ?? book.State.Core;
            return book.WriteStateAsync();
        },
        time,
        DeliveryFailed);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!book.RecordExists && state.State.MoveFormerBookTo(book.State))
        {
            await book.WriteStateAsync();
            await WriteLaunchAsync();
        }

        if (state.State.Running && state.State.Launch is { } launch)
        {
            // Subscriptions outlive activations: rebuild the core and resume them rather than subscribing again.
            Build(launch, state.State.DomainPack!, book.State.Core);
            _scope!.Resume(state.State.MarketsInScope);
            foreach (var marketId in state.State.MarketsInScope)
            {
                if (await GrainFactory.GetGrain<IMarketGrain>(marketId).GetState() is { } market)
                {
                    _core!.AddMarket(market.Market);
                    _markets[marketId] = market.Market;
                }

                await Subscribe(marketId);
            }

            // Written as pending before it was sent: whether the send happened before a crash is unknown, so it goes again.
            foreach (var pending in book.State.Pending.Values)
            {
                await _risk.Get(GrainFactory, pending.PortfolioId).Submit(pending, state.State.Context!);
            }
        }

        await base.OnActivateAsync(cancellationToken);
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

    public async Task<CommandResult> Start(StrategyLaunch launch, string launchId, string tenantId, string builderCode)
    {
        if (state.State.Running)
        {
            return CommandResult.Refused(ReasonCodes.StratAlreadyRunning, $"Strategy {launch.StrategyId} is already running.");
        }

        var violations = MarketScopeRules.Validate(launch.MarketScope).Concat(MomentumParameterRules.Validate(launch.Parameters)).ToList();
        if (violations.Count > 0)
        {
            return CommandResult.Refused(violations[0].Code, violations[0].Message);
        }

        var members = new List<string>();
        string? taxonomy = null;
        if (launch.MarketScope.Mode == ScopeMode.Cluster)
        {
            var cluster = GrainFactory.GetGrain<IClusterGrain>(launch.MarketScope.ClusterId!);
            if (await cluster.GetCluster() is not { } definition)
            {
                return CommandResult.Refused(ReasonCodes.StratUnknownCluster, $"Cluster {launch.MarketScope.ClusterId} does not exist.");
            }

            taxonomy = definition.Taxonomy;
            members.AddRange(await cluster.Bind(launch.StrategyId));
        }

        var markets = new List<Market>();
        foreach (var marketId in launch.MarketScope.MarketIds ?? members)
        {
            if (await GrainFactory.GetGrain<IMarketGrain>(marketId).GetState() is not { } market)
            {
                return CommandResult.Refused(ReasonCodes.StratUnknownMarket, $"Market {marketId} does not exist.");
            }

            markets.Add(market.Market);
        }

        var context = new AuditContext(tenantId, launch.PortfolioId, launch.StrategyId, launchId, AuditModes.Of(launch.Mode), builderCode);
        var pack = DomainPackChoice.For(launch, taxonomy);
        state.State.Launch = launch;
        state.State.Context = context;
        state.State.DomainPack = pack;
        Build(launch, pack, restored: null);
        state.State.Running = true;
        book.State.LastSignal = null;
        state.State.Launches.Add(new LaunchRecord { LaunchId = launchId, StrategyId = launch.StrategyId, PortfolioId = launch.PortfolioId, Mode = launch.Mode, LaunchedAt = time.GetUtcNow(), LaunchedBy = "portfolio" });
        if (state.State.Launches.Count > StrategyGrainState.LaunchesKept)
        {
            state.State.Launches.RemoveRange(0, state.State.Launches.Count - StrategyGrainState.LaunchesKept);
        }

        foreach (var change in _scope!.Start(markets.Select(m => m.MarketId)))
        {
            await EnterMarket(markets.First(m => m.MarketId == change.MarketId), change, StrategyActor);
        }

        await WriteLaunchAsync();
        await Persist();
        await Outbox.DrainAsync();
        LogStarted(launch.StrategyId, launchId, _scope!.Markets.Count, pack);
        return CommandResult.Done(launchId);
    }

    public async Task Stop(string reason)
    {
        if (!state.State.Running)
        {
            return;
        }

        foreach (var marketId in state.State.MarketsInScope)
        {
            await Unsubscribe(marketId);
        }

        if (state.State.Launch!.MarketScope is { Mode: ScopeMode.Cluster, ClusterId: { } clusterId })
        {
            await GrainFactory.GetGrain<IClusterGrain>(clusterId).Unbind(state.State.Launch.StrategyId);
        }

        var now = time.GetUtcNow();
        state.State.Launches = state.State.Launches
            .Select(l => l.LaunchId == state.State.Context!.LaunchId ? l with { StoppedAt = now, StopReason = reason } : l)
            .ToList();
        state.State.Running = false;
        state.State.MarketsInScope = [];
        _core = null;
        _scope = null;
        await WriteLaunchAsync();

        // The Portfolio audits the stop once this returns: every envelope this launch decided goes first.
        await Outbox.DrainAsync();
    }

    public Task<string?> GetPortfolio() => Task.FromResult(state.State.Running ? state.State.Launch?.PortfolioId : null);

    public Task<StrategyState> GetState() => Task.FromResult(new StrategyState
    {
        StrategyId = this.GetPrimaryKeyString(),
        Status = state.State.Running ? StrategyStateStatus.Running : state.State.Launch is null ? StrategyStateStatus.Idle : StrategyStateStatus.Stopped,
        PortfolioId = state.State.Launch?.PortfolioId,
        LaunchId = state.State.Context?.LaunchId,
        Launch = state.State.Launch,
        MarketsInScope = [.. state.State.MarketsInScope],
        LastSignal = book.State.LastSignal,
        Launches = [.. state.State.Launches],
    });

    public async Task OnScopeChanged(string marketId, bool entered, string reasonCode)
    {
        if (!state.State.Running || state.State.Launch!.MarketScope.ClusterId is not { } clusterId)
        {
            return;
        }

        if (entered)
        {
            if (_scope!.MarketAddedToCluster(clusterId, marketId) is { } change
                && await GrainFactory.GetGrain<IMarketGrain>(marketId).GetState() is { } market)
            {
                await EnterMarket(market.Market, change, StrategyActor);
            }
        }
        else if (_scope!.MarketRemovedFromCluster(clusterId, marketId) is { } change)
        {
            await LeaveMarket(change, bookOpen: true, StrategyActor);
        }

        await WriteLaunchAsync();
        await Persist();
    }

    public async Task<CommandResult> SelectMarket(string marketId, string operatorId)
    {
        var (market, refused) = await EditableMarket(marketId);
        if (market is null)
        {
            return refused!;
        }

        if (market.Status == MarketStatus.Resolved)
        {
            return CommandResult.Refused(ReasonCodes.StratMarketResolved, $"Market {marketId} has resolved; no scope takes it again.");
        }

        var edit = _scope!.MarketSelected(market.MarketId);
        if (edit.Change is { } change)
        {
            await EnterMarket(market, change, $"operator:{operatorId}");
        }

        return await Edited(edit, market.MarketId, operatorId, "added");
    }

    /// <summary>A market taken off the list leaves as a Cluster removal does: a position is sold, or stranded without a price.</summary>
    public async Task<CommandResult> DeselectMarket(string marketId, string operatorId)
    {
        var (market, refused) = await EditableMarket(marketId);
        if (market is null)
        {
            return refused!;
        }

        var edit = _scope!.MarketDeselected(market.MarketId);
        if (edit.Change is { } change)
        {
            await LeaveMarket(change, bookOpen: true, $"operator:{operatorId}");
        }

        return await Edited(edit, market.MarketId, operatorId, "removed");
    }

    /// <summary>The market an edit names, when the Strategy runs and the market exists; otherwise why not.</summary>
    private async Task<(Market? Market, CommandResult? Refused)> EditableMarket(string marketId)
    {
        if (!state.State.Running)
        {
            return (null, CommandResult.Refused(ReasonCodes.StratNotRunning, $"Strategy {this.GetPrimaryKeyString()} has no running launch."));
        }

        return await GrainFactory.GetGrain<IMarketGrain>(marketId).GetState() is { } market
            ? (market.Market, null)
            : (null, CommandResult.Refused(ReasonCodes.StratUnknownMarket, $"Market {marketId} does not exist."));
    }

    /// <summary>
    /// An edit that changed the list rewrites the launch's record (a relaunch and a new activation take the list as
    /// edited); the call returns once its envelopes are on the Portfolio's chain.
    /// </summary>
    private async Task<CommandResult> Edited(ScopeEdit edit, string marketId, string operatorId, string verb)
    {
        if (edit.Refusal is { } refusal)
        {
            return CommandResult.Refused(refusal.Code, refusal.Message);
        }

        if (edit.Changed)
        {
            state.State.Launch = state.State.Launch! with { MarketScope = _scope!.Scope };
            await WriteLaunchAsync();
            await Persist();
            LogListEdited(this.GetPrimaryKeyString(), operatorId, marketId, verb);
        }

        await Outbox.DrainAsync();
        return CommandResult.Done(state.State.Context!.LaunchId);
    }

    /// <summary>
    /// Idempotent by <see cref="Fill.FillId"/>: a fill delivered again is skipped. The ids are kept per order while a
    /// position still refers to it (pending, or the entry whose late fills add to it); the core ignores fills of any
    /// other order, so nothing older needs remembering.
    /// </summary>
    public async Task OnFill(Fill fill)
    {
        if (_core is null)
        {
            return;
        }

        var booked = BookedFillIdsOf(fill.ClientOrderId);
        if (booked.Contains(fill.FillId))
        {
            return;
        }

        booked.Add(fill.FillId);
        await Handle(_core.OnFill(fill.ClientOrderId, fill.Side, fill.Size, fill.Price, fill.FilledAt), changed: true);
        await Outbox.DrainAsync();
    }

    /// <summary>
    /// Idempotent like <see cref="OnFill"/>: the reversal's id is kept with the fill ids of the order the market's
    /// position refers to afterwards. A position that refers to no order has nothing a repeat could change: the core
    /// ignores a buy of an order no position refers to, and a failed sell always leaves the position referring to one.
    /// </summary>
    public async Task OnFillReversed(Fill fill)
    {
        var reversal = FillReversals.IdOf(fill);
        if (_core is null || book.State.BookedFills.Values.Any(ids => ids.Contains(reversal)))
        {
            return;
        }

        var step = _core.OnFillReversed(fill.ClientOrderId, fill.MarketId, fill.Side, fill.Size, fill.Price, time.GetUtcNow());
        if (_core.PositionOf(fill.MarketId) is { } position && (position.EntryClientOrderId ?? position.PendingClientOrderId) is { } referred)
        {
            BookedFillIdsOf(referred).Add(reversal);
        }

        await Handle(step, changed: true);
        await Outbox.DrainAsync();
    }

    /// <summary>The fill (and reversal) ids booked for <paramref name="clientOrderId"/>, kept from now on.</summary>
    private List<string> BookedFillIdsOf(string clientOrderId) =>
        book.State.BookedFills.TryGetValue(clientOrderId, out var ids) ? ids : book.State.BookedFills[clientOrderId] = [];

    /// <summary>
    /// Deferred: an intent risk has written needs no re-send, and one sent again after a lost write is one risk still
    /// holds (the position waits on it), which risk ignores.
    /// </summary>
    public Task OnIntentsDecided(List<string> clientOrderIds)
    {
        ArgumentNullException.ThrowIfNull(clientOrderIds);
        if (clientOrderIds.Count(book.State.Pending.Remove) > 0)
        {
            Writer.Defer();
        }

        return Task.CompletedTask;
    }

    public async Task OnIntentRejected(string clientOrderId, string reasonCode)
    {
        if (_core is null)
        {
            return;
        }

        await Handle(_core.OnRejected(clientOrderId), changed: true);
        await Outbox.DrainAsync();
    }

    public async Task OnNextAsync(PriceUpdate item, StreamSequenceToken? token = null)
    {
        if (_core is null || !_scope!.Contains(item.MarketId))
        {
            return;
        }

        if (item.MarketStatus == PriceUpdateMarketStatus.Resolved)
        {
            // A resolved market has no book left to sell into: its position is flagged for redemption.
            if (_scope.MarketResolved(item.MarketId) is { } resolved)
            {
                await LeaveMarket(resolved, bookOpen: false, StrategyActor);
                await WriteLaunchAsync();
                await Persist();
            }

            return;
        }

        GrainMetrics.TicksDelivered.Add(1);
        var step = _core.OnTick(new MarketTick(
            item.MarketId,
            item.TokenId,
            item.Timestamp,
            item.Price,
            item.BestBid,
            item.BestAsk,
            item.BidSize,
            item.AskSize,
            item.Volume,
            _markets.GetValueOrDefault(item.MarketId)?.EndDate,
            item.ReferencePrice));
        if (!step.IsEmpty)
        {
            using var activity = GrainTracing.Source.StartActivity("strategy.decide", ActivityKind.Consumer);
            activity?.SetTag("polytraders.strategy_id", this.GetPrimaryKeyString());
            activity?.SetTag("polytraders.market_id", item.MarketId);
            await Handle(step);
        }
    }

    public Task OnCompletedAsync() => Task.CompletedTask;

    public Task OnErrorAsync(Exception ex)
    {
        LogStreamError(this.GetPrimaryKeyString(), ex);
        return Task.CompletedTask;
    }

    private void Build(StrategyLaunch launch, string pack, MomentumStrategyState? restored)
    {
        var identity = new MomentumIdentity(launch.PortfolioId, launch.StrategyId, state.State.Context?.LaunchId ?? string.Empty);
        _core = new MomentumStrategy(identity, launch.Parameters, DomainPack.Create(pack, IntelligenceSettings.For(launch.Parameters)), restored);
        _scope = new ScopeTracker(launch.MarketScope);
    }

    /// <summary>The market's prices stop reaching the Strategy; <paramref name="actor"/> is who took it out (the Strategy itself, or an operator).</summary>
    private async Task LeaveMarket(ScopeChange change, bool bookOpen, string actor)
    {
        await Unsubscribe(change.MarketId);
        state.State.MarketsInScope.RemoveAll(id => MarketScopeRules.MarketIdComparer.Equals(id, change.MarketId));
        _markets.Remove(change.MarketId);
        await Audit(change.ReasonCode, change.Payload, actor);
        await Handle(_core!.LeaveMarket(change, bookOpen, time.GetUtcNow()), changed: true, change.StrandedCode);
    }

    private async Task EnterMarket(Market market, ScopeChange change, string actor)
    {
        _core!.AddMarket(market);
        _markets[market.MarketId] = market;
        state.State.MarketsInScope.Add(market.MarketId);
        await Audit(change.ReasonCode, change.Payload, actor);
        await Subscribe(market.MarketId);
    }

    /// <summary>
    /// Queues what a step decided, in order. An intent (or <paramref name="changed"/>: a fill or a rejection applied)
    /// changes the core's state, so the step's write is queued with it and the intent leaves only after the write.
    /// </summary>
    private async Task Handle(StrategyStep step, bool changed = false, string strandedCode = ReasonCodes.StratMarketOutOfScope)
    {
        if (step.Signal is { } signal)
        {
            book.State.LastSignal = signal;
            GrainMetrics.Signals.Add(1);
            await Audit(ReasonCodes.StratSignal, new AuditPayload { Kind = AuditPayloadKind.Signal, Signal = signal });
        }

        if (step.Intent is { } intent)
        {
            book.State.Pending[intent.ClientOrderId] = intent;
            await Queue(new Outgoing(Envelope(intent.ReasonCode!, new AuditPayload { Kind = AuditPayloadKind.Intent, Intent = intent }), intent, Persist: true));
        }

        if (step.Stranded is { } stranded)
        {
            await Audit(strandedCode, new AuditPayload
            {
                Kind = AuditPayloadKind.Governance,
                MarketId = stranded.MarketId,
                Detail = $"position of {stranded.Size} in {stranded.MarketId} cannot be sold; flagged for redemption or an operator",
            });
        }

        if (changed || step.Intent is not null)
        {
            ForgetSettledIntents();
            await Persist();
        }
    }

    /// <summary>
    /// An intent stays pending while a position still waits on its client order id, and its booked fill ids stay while a
    /// position still refers to it: what the grain keeps is bounded by the markets in scope, not by the orders it sent.
    /// </summary>
    private void ForgetSettledIntents()
    {
        var positions = _core?.Positions.ToList() ?? [];
        var waiting = positions.Select(p => p.PendingClientOrderId).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var referred = positions.Select(p => p.EntryClientOrderId).OfType<string>().Concat(waiting).ToHashSet(StringComparer.Ordinal);
        foreach (var clientOrderId in book.State.Pending.Keys.Where(id => !waiting.Contains(id)).ToList())
        {
            book.State.Pending.Remove(clientOrderId);
        }

        foreach (var clientOrderId in book.State.BookedFills.Keys.Where(id => !referred.Contains(id)).ToList())
        {
            book.State.BookedFills.Remove(clientOrderId);
        }
    }

    /// <summary>
    /// One batch: the state write if anything in it changed meaning, every envelope in one append (in decision order),
    /// then the intents, one-way to risk.
    /// </summary>
    private async Task DeliverAsync(IReadOnlyList<Outgoing> batch)
    {
        if (batch.Any(o => o.Persist))
        {
            await Writer.WriteAsync();
        }

        var envelopes = batch.Select(o => o.Envelope).OfType<AuditEnvelope>().ToList();
        if (envelopes.Count > 0)
        {
            await _auditTrail.Get(GrainFactory, AuditChains.Of(envelopes[0])).AppendBatch(envelopes);
        }

        foreach (var outgoing in batch)
        {
            if (outgoing.Intent is { } intent)
            {
                await _risk.Get(GrainFactory, intent.PortfolioId).Submit(intent, state.State.Context!);
            }
        }
    }

    /// <summary>
    /// The launch's record, written in the turn that changed it (a launch, a stop, a scope change: none on the tick path).
    /// A stale activation leaves, and its caller hears the failure: the next activation answers from what is stored.
    /// </summary>
    private async Task WriteLaunchAsync()
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch (Orleans.Storage.InconsistentStateException e)
        {
            DeliveryFailed(e);
            throw;
        }
    }

    /// <summary>A stale activation (another one wrote the state since) leaves: the next one starts from what is stored.</summary>
    private void DeliveryFailed(Exception exception)
    {
        LogDeliveryFailed(this.GetPrimaryKeyString(), exception);
        if (exception is Orleans.Storage.InconsistentStateException)
        {
            DeactivateOnIdle();
        }
    }

    /// <summary>Queues <paramref name="outgoing"/>; a full outbox makes the turn wait for it to drain (backpressure on the stream).</summary>
    private async Task Queue(Outgoing outgoing)
    {
        while (!Outbox.TryEnqueue(outgoing))
        {
            LogOutboxFull(this.GetPrimaryKeyString(), Outbox.Count);
            await Outbox.DrainAsync();
        }
    }

    private AuditEnvelope Envelope(string reasonCode, AuditPayload payload, string actor = StrategyActor) =>
        state.State.Context!.Draft(reasonCode, actor, payload, time.GetUtcNow());

    private IAsyncStream<PriceUpdate> StreamOf(string marketId) =>
        this.GetStreamProvider(StreamNames.Provider).GetStream<PriceUpdate>(StreamId.Create(StreamNames.MarketNamespace, marketId));

    private async Task Subscribe(string marketId)
    {
        var stream = StreamOf(marketId);
        var handles = await stream.GetAllSubscriptionHandles();
        if (handles.Count == 0)
        {
            await stream.SubscribeAsync(this);
            return;
        }

        foreach (var handle in handles)
        {
            await handle.ResumeAsync(this);
        }
    }

    private async Task Unsubscribe(string marketId)
    {
        foreach (var handle in await StreamOf(marketId).GetAllSubscriptionHandles())
        {
            await handle.UnsubscribeAsync();
        }
    }

    /// <summary>Queues a write of the book behind what is already queued: what was decided before it is written with it.</summary>
    private Task Persist() => Queue(new Outgoing(null, null, Persist: true));

    private Task Audit(string reasonCode, AuditPayload payload, string actor = StrategyActor) => Queue(new Outgoing(Envelope(reasonCode, payload, actor), null, Persist: false));

    /// <summary>A decision on its way out: its envelope, the intent to send, whether state must be written first.</summary>
    private sealed record Outgoing(AuditEnvelope? Envelope, OrderIntent? Intent, bool Persist);

    [LoggerMessage(Level = LogLevel.Information, Message = "Strategy {StrategyId} started as {LaunchId} on {Markets} markets with the {Pack} pack")]
    private partial void LogStarted(string strategyId, string launchId, int markets, string pack);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Strategy {StrategyId}: delivering decisions failed; retried")]
    private partial void LogDeliveryFailed(string strategyId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Strategy {StrategyId}: {Count} decisions wait to be delivered; the stream waits for them")]
    private partial void LogOutboxFull(string strategyId, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Strategy {StrategyId}: operator {OperatorId} {Verb} market {MarketId} (manual list edited)")]
    private partial void LogListEdited(string strategyId, string operatorId, string marketId, string verb);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Strategy {StrategyId}: stream error")]
    private partial void LogStreamError(string strategyId, Exception exception);
}
