using Polytraders.Contracts;
using Polytraders.Trading.Intelligence;
using Polytraders.Trading.Scope;

namespace Polytraders.Trading.Momentum;

/// <summary>
/// The momentum policy for every market in one Strategy's scope: enter long when strategy_score reaches the entry
/// threshold, exit on take-profit, signal reversal or max holding time, and close positions whose market leaves
/// scope. Deterministic: time comes only from ticks and arguments, ids from the launch and a sequence. Fills and
/// rejections come back as one-way notifications that move the pending phases on.
/// </summary>
public sealed partial class MomentumStrategy
{
    /// <summary>
    /// Fill-and-kill: what does not trade at the limit now is cancelled and comes back as a rejection, so a pending
    /// phase never waits on a resting order whose price the market has left.
    /// </summary>
    public const TimeInForce OrderTimeInForce = TimeInForce.Fak;

    private readonly MomentumIdentity _identity;
    private readonly MomentumParameters _parameters;
    private readonly DomainPack _pack;
    private readonly string _combiner;
    private readonly TimeSpan _maxHolding;

    // The thresholds as the pipeline's fixed-point scores, so the tick path compares integers.
    private readonly Fixed _entryThreshold;
    private readonly Fixed _exitThreshold;
    private readonly MarketIndex<MarketSlot> _markets = new();
    private long _sequence;

    public MomentumStrategy(
        MomentumIdentity identity,
        MomentumParameters parameters,
        DomainPack pack,
        MomentumStrategyState? restored = null,
        string combiner = DomainPack.DefaultCombiner)
    {
        var violations = MomentumParameterRules.Validate(parameters);
        if (violations.Count > 0)
        {
            throw new ArgumentException($"{violations[0].Code}: {violations[0].Message}", nameof(parameters));
        }

        _identity = identity;
        _parameters = parameters;
        _pack = pack;
        _combiner = combiner;
        _maxHolding = TimeSpan.FromMinutes(parameters.MaxHoldingMinutes);
        _entryThreshold = Fixed.From(parameters.EntryThreshold);
        _exitThreshold = Fixed.From(parameters.ExitThreshold);
        _sequence = restored?.Sequence ?? 0;
        foreach (var (marketId, position) in restored?.Positions ?? [])
        {
            _markets.Set(marketId, new MarketSlot { Position = position, TakeProfitPrice = position.EntryPrice + parameters.TakeProfit });
        }
    }

    /// <summary>
    /// A snapshot for the grain to persist: the positions that hold or wait for something. A flat one is what
    /// <see cref="AddMarket"/> makes again, so a snapshot's size follows the open positions, not the markets in scope.
    /// </summary>
    public MomentumStrategyState State => new()
    {
        Sequence = _sequence,
        Positions = _markets.Entries.Where(m => !m.Value.Position.IsEmpty).ToDictionary(m => m.Key, m => m.Value.Position),
    };

    /// <summary>Every market's position, flat ones included, without a copy.</summary>
    public IEnumerable<MomentumPosition> Positions => _markets.Entries.Select(m => m.Value.Position);

    public MomentumPosition? PositionOf(string marketId) => _markets.TryGetValue(marketId, out var slot) ? slot.Position : null;

    /// <summary>
    /// Starts trading a market that entered scope, in its first outcome token unless told otherwise. A restored
    /// position in the market is kept. Returns false when the market was already in scope.
    /// </summary>
    public bool AddMarket(Market market, string? tokenId = null)
    {
        var token = tokenId ?? market.Outcomes[0].TokenId;
        if (!_markets.TryGetValue(market.MarketId, out var slot))
        {
            slot = new MarketSlot { Position = MomentumPosition.FlatIn(market.MarketId, token) };
            _markets.Set(market.MarketId, slot);
        }
        else if (slot.InScope)
        {
            return false;
        }

        slot.InScope = true;
        slot.TickSize = market.TickSize;
        slot.MinOrderSize = market.MinOrderSize;
        slot.Pipeline ??= _pack.CreatePipeline(_combiner);
        return true;
    }

    /// <summary>The tick path: evaluate the market's pipeline and apply the policy. Allocates only when it decides something.</summary>
    public StrategyStep OnTick(in MarketTick tick)
    {
        if (!_markets.TryGetValue(tick.MarketId, out var slot)
            || slot.Pipeline is not { } pipeline
            || !string.Equals(tick.TokenId, slot.Position.TokenId, StringComparison.Ordinal)
            || !pipeline.Accepts(tick))
        {
            return StrategyStep.None;
        }

        var combined = pipeline.Evaluate(tick);
        slot.LastPrice = tick.Price;
        Signal? crossed = null;
        if (ZoneOf(combined) is { } zone && zone != slot.Zone)
        {
            slot.Zone = zone;
            crossed = pipeline.ToSignal();
        }

        if (slot.Zone != ScoreZone.AtOrAboveEntry)
        {
            slot.AwaitsFreshCrossing = false;
        }

        var intent = slot.Position.Phase switch
        {
            MomentumPhase.Flat when slot.InScope && !slot.AwaitsFreshCrossing && combined.Conviction >= _entryThreshold =>
                Enter(slot, tick, crossed),
            MomentumPhase.Long when ExitCauseOf(slot, tick, combined) is { } cause =>
                Exit(slot, cause, tick.Timestamp, crossed ?? pipeline.ToSignal()),
            _ => null,
        };

        return crossed is null && intent is null ? StrategyStep.None : new StrategyStep(crossed, intent, null);
    }

    /// <summary>
    /// A fill of one of the Strategy's orders: PendingEntry becomes Long, PendingExit becomes Flat once the position is
    /// sold out. A fill that lands after the market left scope turns straight into an exit.
    /// </summary>
    public StrategyStep OnFill(string clientOrderId, Side side, decimal size, decimal price, DateTimeOffset time)
    {
        if (FindByOrder(clientOrderId) is not { } slot)
        {
            return StrategyStep.None;
        }

        var position = slot.Position;
        if (side == Side.Buy)
        {
            // A later partial fill of the entry order adds to the position without disturbing an exit in flight.
            var entering = position.Phase == MomentumPhase.PendingEntry;
            var held = position.Size + size;
            slot.Position = position with
            {
                Phase = entering ? MomentumPhase.Long : position.Phase,
                Size = held,
                EntryPrice = ((position.Size * position.EntryPrice) + (size * price)) / held,
                EnteredAt = position.EnteredAt ?? time,
                EntryClientOrderId = clientOrderId,
                PendingClientOrderId = entering ? null : position.PendingClientOrderId,
            };
            slot.TakeProfitPrice = slot.Position.EntryPrice + _parameters.TakeProfit;
            return entering && !slot.InScope
                ? CloseOnLeaving(slot, OrderIntentExitCause.OutOfScope, bookOpen: true, time)
                : StrategyStep.None;
        }

        var remaining = position.Size - size;
        slot.Position = remaining > 0m
            ? position with { Size = remaining }
            : MomentumPosition.FlatIn(position.MarketId, position.TokenId);
        if (remaining <= 0m && !slot.InScope)
        {
            _markets.Remove(position.MarketId);
        }

        return StrategyStep.None;
    }

    /// <summary>
    /// The order will not fill (further): risk or the venue refused it, or a fill-and-kill remainder was cancelled.
    /// The market returns to the phase before the order. A refused entry is not retried until the score falls below
    /// the entry threshold and crosses it again, so a Portfolio that risk holds back (REDUCING, a cap reached) is not
    /// asked again on every tick; a refused exit is retried on the next tick, since getting out matters more. An exit
    /// refused after the market left scope cannot be retried on ticks that no longer come, so the position is flagged
    /// as stranded.
    /// </summary>
    public StrategyStep OnRejected(string clientOrderId)
    {
        if (FindByOrder(clientOrderId) is not { } slot || slot.Position.PendingClientOrderId != clientOrderId)
        {
            return StrategyStep.None;
        }

        var position = slot.Position;
        if (position.Size <= 0m)
        {
            // A refused entry, or an exit whose tokens are gone (their buy failed to settle): nothing is held.
            return Flatten(slot, awaitFreshCrossing: position.Phase == MomentumPhase.PendingEntry);
        }

        // Back to what the order interrupted: a refused exit holds its tokens again, and so does an entry whose tokens
        // were restored meanwhile (a failed sell of an earlier exit).
        slot.Position = position with { Phase = MomentumPhase.Long, PendingClientOrderId = null, PendingExitCause = null };
        return slot.InScope ? StrategyStep.None : new StrategyStep(null, null, slot.Position);
    }

    /// <summary>
    /// A market left scope or resolved (see <see cref="ScopeTracker"/>). A long position is sold with the change's
    /// exit cause, or flagged as stranded when the book no longer takes orders (a resolved market redeems instead).
    /// </summary>
    public StrategyStep LeaveMarket(ScopeChange change, bool bookOpen, DateTimeOffset now)
    {
        if (change.Kind == ScopeChangeKind.Entered || !_markets.TryGetValue(change.MarketId, out var slot))
        {
            return StrategyStep.None;
        }

        slot.InScope = false;
        return slot.Position.Phase switch
        {
            MomentumPhase.Flat => Forget(slot),
            MomentumPhase.Long => CloseOnLeaving(slot, change.ExitCause, bookOpen, now),
            _ => StrategyStep.None,
        };
    }

    private StrategyStep Forget(MarketSlot slot)
    {
        _markets.Remove(slot.Position.MarketId);
        return StrategyStep.None;
    }

    private StrategyStep CloseOnLeaving(MarketSlot slot, OrderIntentExitCause cause, bool bookOpen, DateTimeOffset now)
    {
        if (!bookOpen || slot.LastPrice is null || slot.Pipeline is null)
        {
            var stranded = slot.Position;
            _markets.Remove(stranded.MarketId);
            return new StrategyStep(null, null, stranded);
        }

        return new StrategyStep(null, Exit(slot, cause, now, slot.Pipeline.ToSignal()), null);
    }

    /// <summary>A BUY of order_size pUSD at the last price rounded up to the tick; none when that is below the market minimum.</summary>
    private OrderIntent? Enter(MarketSlot slot, in MarketTick tick, Signal? crossed)
    {
        var limit = OrderGrid.BuyLimit(tick.Price, slot.TickSize);
        var size = OrderGrid.FloorSize(_parameters.OrderSize / limit);
        if (size <= 0m || size < slot.MinOrderSize)
        {
            return null;
        }

        var signal = crossed ?? slot.Pipeline!.ToSignal();
        var intent = NewIntent(slot, Side.Buy, size, limit, tick.Timestamp, ReasonCodes.StratMomentumLong, null, signal);
        slot.Position = slot.Position with { Phase = MomentumPhase.PendingEntry, PendingClientOrderId = intent.ClientOrderId };
        return intent;
    }

    /// <summary>A SELL of everything held at the last price rounded down to the tick.</summary>
    private OrderIntent Exit(MarketSlot slot, OrderIntentExitCause cause, DateTimeOffset now, Signal signal)
    {
        var limit = OrderGrid.SellLimit(slot.LastPrice!.Value, slot.TickSize);
        var intent = NewIntent(slot, Side.Sell, slot.Position.Size, limit, now, ReasonCodes.StratMomentumExit, cause, signal);
        slot.Position = slot.Position with
        {
            Phase = MomentumPhase.PendingExit,
            PendingClientOrderId = intent.ClientOrderId,
            PendingExitCause = cause,
        };
        return intent;
    }

    /// <summary>The first exit condition that holds, in the order take-profit, signal reversal, max holding time.</summary>
    private OrderIntentExitCause? ExitCauseOf(MarketSlot slot, in MarketTick tick, Combination combined)
    {
        var position = slot.Position;
        if (tick.Price >= slot.TakeProfitPrice)
        {
            return OrderIntentExitCause.TakeProfit;
        }

        if (combined.Conviction <= _exitThreshold)
        {
            return OrderIntentExitCause.SignalReversal;
        }

        if (position.EnteredAt is { } entered && tick.Timestamp - entered >= _maxHolding)
        {
            return OrderIntentExitCause.MaxHolding;
        }

        return slot.InScope ? null : OrderIntentExitCause.OutOfScope;
    }

    private OrderIntent NewIntent(
        MarketSlot slot, Side side, decimal size, decimal limit, DateTimeOffset at, string reasonCode, OrderIntentExitCause? cause, Signal signal)
    {
        _sequence++;
        return new OrderIntent
        {
            PortfolioId = _identity.PortfolioId,
            StrategyId = _identity.StrategyId,
            LaunchId = _identity.LaunchId,
            MarketId = slot.Position.MarketId,
            TokenId = slot.Position.TokenId,
            Side = side,
            Size = size,
            LimitPrice = limit,
            TimeInForce = OrderTimeInForce,
            ClientOrderId = ClientOrderIds.Create(_identity.LaunchId, slot.Position.MarketId, _sequence),
            CreatedAt = at,
            ReasonCode = reasonCode,
            ExitCause = cause,
            Signal = signal,
        };
    }

    private MarketSlot? FindByOrder(string clientOrderId)
    {
        foreach (var slot in _markets.Values)
        {
            if (slot.Position.PendingClientOrderId == clientOrderId || slot.Position.EntryClientOrderId == clientOrderId)
            {
                return slot;
            }
        }

        return null;
    }

    /// <summary>Which side of the thresholds a score is on; a withheld score is on no side and changes nothing.</summary>
    private ScoreZone? ZoneOf(Combination combined) => combined.Conviction switch
    {
        null => null,
        { } s when s >= _entryThreshold => ScoreZone.AtOrAboveEntry,
        { } s when s <= _exitThreshold => ScoreZone.AtOrBelowExit,
        _ => ScoreZone.Between,
    };

    private enum ScoreZone
    {
        Between,
        AtOrAboveEntry,
        AtOrBelowExit,
    }

    /// <summary>One market's pipeline, trading rules and position; rules and pipeline arrive when the market enters scope.</summary>
    private sealed class MarketSlot
    {
        public required MomentumPosition Position { get; set; }

        public IntelligencePipeline? Pipeline { get; set; }

        public decimal TickSize { get; set; }

        public decimal MinOrderSize { get; set; }

        public bool InScope { get; set; }

        public ScoreZone Zone { get; set; }

        public decimal? LastPrice { get; set; }

        /// <summary>Entry price plus the take-profit distance, kept with the entry price so a long tick only compares.</summary>
        public decimal TakeProfitPrice { get; set; }

        /// <summary>Set by a refused entry; cleared once the score leaves the entry zone.</summary>
        public bool AwaitsFreshCrossing { get; set; }
    }
}
