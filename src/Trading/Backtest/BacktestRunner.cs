using Polytraders.Contracts;
using Polytraders.Trading.Backtest.Data;
using Polytraders.Trading.Intelligence;
using Polytraders.Trading.Momentum;
using Polytraders.Trading.Risk;
using Polytraders.Trading.Scope;
using Polytraders.Trading.Venues;

namespace Polytraders.Trading.Backtest;

/// <summary>
/// Runs a <see cref="BacktestPlan"/> over merged price history through the same decision core the live grains run
/// (<see cref="MomentumStrategy"/>, <see cref="ScopeTracker"/>, <see cref="RiskEngine"/>), with a simulated clock: time
/// is the timestamp of the point being processed, never the wall clock, and no Orleans is involved. It mirrors the
/// shells: the strategy grain's tick and scope handling, the risk grain (decision time = the intent's time), the
/// execution grain and a simulated venue (<see cref="BacktestSettings"/> says how orders fill). One thread, one pass,
/// memory bounded by the number of markets (plus what the journal keeps).
/// </summary>
public sealed class BacktestRunner
{
    /// <summary>The Strategy trades a market's first outcome token (MomentumStrategy.AddMarket's default).</summary>
    public const int TradedOutcome = 0;

    private const int ProgressEvery = 1 << 15;

    private readonly BacktestPlan _plan;
    private readonly BacktestSettings _settings;
    private readonly IBacktestJournal? _journal;
    private readonly MomentumStrategy _strategy;
    private readonly RiskEngine _risk;
    private readonly ScopeTracker _scope;
    private readonly Slot[] _slots;
    private readonly Dictionary<string, int> _indexById = new(MarketScopeRules.MarketIdComparer);
    private readonly DecisionRecorder _decisions;
    private readonly BacktestLedger _ledger;
    private readonly Dictionary<string, long> _counts = new(StringComparer.Ordinal);
    private readonly BacktestDataWarnings _warnings;
    private readonly long _startTicks;
    private readonly long _endTicks;
    private int _nextEvent;
    private long _nextEventTicks;
    private long _nextBoundary;
    private long _clockTicks = long.MinValue;
    private long _events;
    private long _intents;
    private long _orders;
    private long _fills;
    private long _rejections;

    public BacktestRunner(BacktestPlan plan, BacktestSettings settings, IBacktestJournal? journal = null, BacktestDataWarnings? warnings = null)
    {
        _plan = plan;
        _settings = settings;
        _journal = journal;
        _warnings = warnings ?? new BacktestDataWarnings();
        var launch = plan.Launch;
        _strategy = new MomentumStrategy(
            new MomentumIdentity(plan.Portfolio.PortfolioId, launch.StrategyId, settings.LaunchId),
            launch.Parameters,
            DomainPack.Create(plan.DomainPack, IntelligenceSettings.For(launch.Parameters)));
        _risk = RiskEngine.For(plan.Portfolio);
        _scope = new ScopeTracker(launch.MarketScope);
        _slots = plan.Markets.Select((m, i) => new Slot(i, m)).ToArray();
        foreach (var slot in _slots)
        {
            _indexById[slot.Market.MarketId] = slot.Index;
        }

        _decisions = new DecisionRecorder(settings.KeepDecisionLines);
        _startTicks = plan.WindowStart.UtcTicks;
        _endTicks = plan.WindowEnd.UtcTicks;
        _ledger = new BacktestLedger(_risk.Book, plan.Markets, Slot.TradedOutcome, plan.WindowStart, plan.WindowEnd, settings.EquityPoints, settings.MaxTrades);
    }

    /// <summary>The decision lines, when <see cref="BacktestSettings.KeepDecisionLines"/> is set.</summary>
    public IReadOnlyList<string> DecisionLines => _decisions.Lines;

    public string DecisionHash => _decisions.Hash();

    /// <summary>
    /// Runs the window over <paramref name="merge"/> (points outside the window are skipped) and builds the results.
    /// <paramref name="progress"/> is called every 32 768 points; cancellation is checked as often.
    /// </summary>
    public BacktestResults Run(PriceMerge merge, Action<BacktestProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        Open();
        while (merge.MoveNext())
        {
            var point = merge.Current;
            if (point.UtcTicks < _startTicks)
            {
                continue;
            }

            if (point.UtcTicks > _endTicks)
            {
                break;
            }

            if (point.UtcTicks != _clockTicks)
            {
                // Every point of the previous time is in: its equity counts for peak and drawdown.
                _ledger.MarkTime();
                _clockTicks = point.UtcTicks;
            }

            if (point.UtcTicks >= _nextBoundary)
            {
                Cross(point.UtcTicks);
            }

            OnPoint(point);
            if ((++_events & (ProgressEvery - 1)) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Invoke(Progress(point.UtcTicks));
            }
        }

        Close();
        progress?.Invoke(Progress(_endTicks));
        return Results();
    }

    private BacktestProgress Progress(long ticks) => new(
        _events,
        new DateTimeOffset(ticks, TimeSpan.Zero),
        _endTicks == _startTicks ? 100m : decimal.Round(100m * (ticks - _startTicks) / (_endTicks - _startTicks), 1));

    private void Open()
    {
        foreach (var marketId in _plan.ResolvedBefore)
        {
            _scope.MarketResolved(marketId);
            if (_indexById.TryGetValue(marketId, out var index))
            {
                _slots[index].Resolved = true;
            }
        }

        foreach (var change in _scope.Start(_plan.InitialMembers))
        {
            Enter(_slots[_indexById[change.MarketId]], change, _plan.WindowStart);
        }

        _nextEventTicks = _plan.Events.Count > 0 ? _plan.Events[0].At.UtcTicks : long.MaxValue;
        _nextBoundary = Math.Min(_nextEventTicks, Math.Min(_ledger.NextDay, _ledger.NextSample));
    }

    private void Close()
    {
        Cross(_endTicks);
        foreach (var slot in _slots)
        {
            if (slot.Pending is { } order)
            {
                slot.Pending = null;
                Unfilled(slot, order, "the Backtest window ended before the order filled", _plan.WindowEnd);
            }
        }

        _ledger.Finish(_plan.WindowEnd);
        WarnOfUntradable();
    }

    /// <summary>
    /// Markets that could not take part, in the data warnings: prices off their tick grid, and markets in scope that saw
    /// fewer prices than the slow lookback (the plan refuses a run where every market is that short; here only some are).
    /// </summary>
    private void WarnOfUntradable()
    {
        var slow = _plan.Launch.Parameters.SlowLookback;
        foreach (var slot in _slots)
        {
            if (slot.OffTick > 0)
            {
                _warnings.Add($"{slot.Market.MarketId}: prices off its {slot.Market.TickSize} tick grid (read as given; fills at the grid price against the order)", ReasonCodes.StratBacktestOffTickPrice, slot.OffTick);
            }

            if (slot.EverInScope && slot.Observed < slow)
            {
                _warnings.Add($"{slot.Market.MarketId}: {slot.Observed} prices while in scope, fewer than slow_lookback ({slow}): its slow sensors never filled, it could not trade", ReasonCodes.StratBacktestTooFewPoints, 1);
            }
        }
    }

    /// <summary>Events, day ends and curve samples due at or before <paramref name="ticks"/>, in that order, before the point at it.</summary>
    private void Cross(long ticks)
    {
        while (_nextEventTicks <= ticks)
        {
            var next = _plan.Events[_nextEvent];
            _ledger.Advance(next.At.UtcTicks - 1);
            Apply(next);
            _nextEvent++;
            _nextEventTicks = _nextEvent < _plan.Events.Count ? _plan.Events[_nextEvent].At.UtcTicks : long.MaxValue;
        }

        _ledger.Advance(ticks);
        _nextBoundary = Math.Min(_nextEventTicks, Math.Min(_ledger.NextDay, _ledger.NextSample));
    }

    private void OnPoint(in BacktestPoint point)
    {
        var slot = _slots[point.Market];
        if (slot.Resolved)
        {
            _warnings.Add(point.UtcTicks, $"prices of {slot.Market.MarketId} after it resolved ignored");
            return;
        }

        if (!slot.Grid.Holds(point.Price))
        {
            // Observed as given (signals, marks and risk read what the market showed); a fill against it lands on the grid.
            slot.OffTick++;
        }

        // The market's last trade, whichever outcome: what the market grain holds and risk and the paper venue read.
        slot.LastPrice = point.Price;
        slot.LastTicks = point.UtcTicks;
        if (point.Outcome != Slot.TradedOutcome)
        {
            return;
        }

        _ledger.Observe(slot.Index, point.Price);
        if (slot.Pending is { } order)
        {
            slot.Pending = null;
            Execute(slot, order, point.Price, point.UtcTicks, point.Side(order.Side), point.UtcTicks);
        }

        if (!slot.InScope)
        {
            return;
        }

        slot.Observed++;
        var tick = new MarketTick(
            slot.Market.MarketId,
            slot.TokenId,
            new DateTimeOffset(point.UtcTicks, TimeSpan.Zero),
            point.Price,
            point.BestBid,
            point.BestAsk,
            point.BidSize,
            point.AskSize,
            Volume: null,
            EndDate: slot.Market.EndDate,
            ReferencePrice: null);
        var step = _strategy.OnTick(tick);
        if (!step.IsEmpty)
        {
            Handle(step, tick.Timestamp, ReasonCodes.StratMarketOutOfScope);
        }
    }

    /// <summary>What the strategy grain does with a step: audit it, send its intent to risk, flag a stranded position.</summary>
    private void Handle(StrategyStep step, DateTimeOffset now, string strandedCode)
    {
        if (step.IsEmpty)
        {
            return;
        }

        _decisions.Add(step);
        if (step.Signal is { } signal)
        {
            _journal?.Signal(signal);
        }

        if (step.Intent is { } intent)
        {
            _intents++;
            Count(intent.ReasonCode ?? ReasonCodes.StratMomentumExit);
            _journal?.Intent(intent);
        }

        if (step.Stranded is { } stranded)
        {
            Count(strandedCode);
            _journal?.Stranded(stranded, strandedCode, now);
        }

        if (step.Intent is { } submitted)
        {
            Submit(submitted);
        }
    }

    /// <summary>The risk grain: evaluate at the intent's own time against the market's last trade; pass on what passes.</summary>
    private void Submit(OrderIntent intent)
    {
        var slot = _slots[_indexById[intent.MarketId]];
        var at = intent.CreatedAt;
        var last = slot.LastTicks > 0 ? new LastTrade(slot.LastPrice, new DateTimeOffset(slot.LastTicks, TimeSpan.Zero)) : (LastTrade?)null;
        var decision = _risk.Evaluate(intent, slot.Market, last, at);
        _decisions.Add(decision);
        Count(decision.ReasonCode);
        _journal?.Risk(decision, at);
        if (decision.Final is not { } order)
        {
            _rejections++;
            Handle(_strategy.OnRejected(intent.ClientOrderId), at, ReasonCodes.StratMarketOutOfScope);
            return;
        }

        _orders++;
        if (_settings.FillTiming == BacktestFillModelTiming.DecisionPrice)
        {
            Execute(slot, order, slot.LastPrice, slot.LastTicks, available: null, at.UtcTicks);
            return;
        }

        if (slot.Pending is { } older)
        {
            slot.Pending = null;
            Unfilled(slot, older, "replaced by a newer order of the same market", at);
        }

        slot.Pending = order;
    }

    /// <summary>The simulated venue: fill (maybe partly) against an observed price, or report the order unfilled.</summary>
    private void Execute(Slot slot, OrderIntent order, decimal observed, long observedTicks, decimal? available, long nowTicks)
    {
        var now = new DateTimeOffset(Math.Max(observedTicks, nowTicks), TimeSpan.Zero);
        if (!SimulatedFill.IsMarketable(order.Side, order.LimitPrice, observed))
        {
            Unfilled(slot, order, $"the limit {order.LimitPrice} does not reach the observed price {observed}", now);
            return;
        }

        var size = order.Size;
        if (available is { } depth && depth < size)
        {
            size = OrderGrid.FloorSize(depth);
            if (size <= 0m)
            {
                Unfilled(slot, order, $"the book shows no size at {observed}", now);
                return;
            }
        }

        // An order trades on the grid: a price off it (a midpoint in captured data) fills at the grid price against the
        // order, never past its limit (limits are on the grid and reached the observed price).
        var onGrid = slot.Grid.Holds(observed) ? observed : order.Side == Side.Buy ? OrderGrid.BuyLimit(observed, slot.Market.TickSize) : OrderGrid.SellLimit(observed, slot.Market.TickSize);
        var price = SimulatedFill.PriceWithSlippage(order.Side, onGrid, order.LimitPrice, slot.Market.TickSize, _settings.SlippageTicks);
        var fill = SimulatedFill.Of(order, size, price, SimulatedFill.FeeOf(size, price, _settings.FeeBps), now, FillVenue.Backtest, status: FillStatus.Confirmed);
        _fills++;
        Count(ReasonCodes.ExecOrderFilled);
        _journal?.Filled(fill);
        if (_risk.ApplyFill(fill, slot.Market, now) is { } transition)
        {
            Transition(transition, now);
        }

        _ledger.OnFill(slot.Index, fill);
        Handle(_strategy.OnFill(order.ClientOrderId, order.Side, size, price, now), now, ReasonCodes.StratMarketOutOfScope);

        // Fill-and-kill: the order is done either way; the rest of a partial fill is cancelled, its reservation freed,
        // and a partly sold exit is retried on the next tick.
        _risk.ReleaseOrder(order.ClientOrderId);
        if (size < order.Size)
        {
            Count(ReasonCodes.ExecOrderPartiallyFilled);
            Handle(_strategy.OnRejected(order.ClientOrderId), now, ReasonCodes.StratMarketOutOfScope);
        }
    }

    private void Unfilled(Slot slot, OrderIntent order, string detail, DateTimeOffset at)
    {
        _rejections++;
        Count(ReasonCodes.ExecOrderUnfilled);
        _risk.ReleaseOrder(order.ClientOrderId);
        _journal?.Unfilled(order, detail, at);
        Handle(_strategy.OnRejected(order.ClientOrderId), at, ReasonCodes.StratMarketOutOfScope);
    }

    private void Apply(BacktestMarketEvent e)
    {
        if (!_indexById.TryGetValue(e.MarketId, out var index))
        {
            return;
        }

        var slot = _slots[index];
        switch (e.Kind)
        {
            case BacktestMarketEventKind.ClusterAdded when _scope.MarketAddedToCluster(e.ClusterId!, slot.Market.MarketId) is { } entered:
                Enter(slot, entered, e.At);
                break;
            case BacktestMarketEventKind.ClusterRemoved when _scope.MarketRemovedFromCluster(e.ClusterId!, slot.Market.MarketId) is { } left:
                slot.InScope = false;
                _journal?.Scope(left, e.At);
                Handle(_strategy.LeaveMarket(left, bookOpen: true, e.At), e.At, left.StrandedCode);
                break;
            case BacktestMarketEventKind.Resolved:
                Resolve(slot, e.Outcome!, e.At);
                break;
        }
    }

    private void Enter(Slot slot, ScopeChange change, DateTimeOffset at)
    {
        _strategy.AddMarket(slot.Market);
        slot.InScope = true;
        slot.EverInScope = true;
        _journal?.Scope(change, at);
    }

    /// <summary>A resolution: an open order is cancelled, the market leaves scope, every position in it settles at 1 or 0.</summary>
    private void Resolve(Slot slot, string outcome, DateTimeOffset at)
    {
        if (slot.Pending is { } order)
        {
            slot.Pending = null;
            Unfilled(slot, order, "the market resolved before the order filled", at);
        }

        if (_scope.MarketResolved(slot.Market.MarketId) is { } change)
        {
            slot.InScope = false;
            _journal?.Scope(change, at);
            Handle(_strategy.LeaveMarket(change, bookOpen: false, at), at, change.StrandedCode);
        }

        foreach (var outcomeOf in slot.Market.Outcomes)
        {
            if (!_risk.Book.Positions.TryGetValue(outcomeOf.TokenId, out var position) || position.Size == 0m)
            {
                continue;
            }

            var payout = outcomeOf.Name == outcome ? 1m : 0m;
            var book = _risk.Book;
            var today = DateOnly.FromDateTime(at.UtcDateTime);
            if (book.PnlDay != today)
            {
                book.PnlDay = today;
                book.RealisedPnlToday = 0m;
            }

            var proceeds = BacktestLedger.Round(position.Size * payout);
            book.Positions.Remove(outcomeOf.TokenId);
            book.Balance += proceeds;
            book.RealisedPnlToday += proceeds - position.CostBasis;
            Count(ReasonCodes.StratMarketResolved);
            _ledger.OnSettle(slot.Index, outcomeOf.TokenId, position.Size, payout, at);
            _journal?.Settled(slot.Market, outcomeOf.TokenId, position.Size, payout, at);
            var limit = _plan.Portfolio.RiskLimits.DailyLossLimit;
            if (book.RealisedPnlToday < 0m && -book.RealisedPnlToday >= limit && book.TradingState == TradingState.Active
                && _risk.SetTradingState(TradingState.Reducing, $"daily loss limit breached: realised {book.RealisedPnlToday} today against a limit of {limit}") is { } transition)
            {
                Transition(transition, at);
            }
        }

        slot.Resolved = true;
    }

    private void Transition(TradingStateTransition transition, DateTimeOffset at)
    {
        _decisions.Add(transition, at);
        Count(transition.ReasonCode);
        _journal?.Transition(transition, at);
    }

    private void Count(string reasonCode) => _counts[reasonCode] = _counts.GetValueOrDefault(reasonCode) + 1;

    private BacktestResults Results()
    {
        var (trades, omitted) = _ledger.Trades();
        var (sharpe, sortino, days) = BacktestRatios.Of(_ledger.StartingEquity, _ledger.DayCloses);
        var ending = BacktestLedger.Round(_ledger.Equity);
        var pnl = ending - BacktestLedger.Round(_ledger.StartingEquity);
        return new BacktestResults
        {
            BacktestId = _settings.BacktestId,
            Badge = Badge.Backtest,
            WindowStart = _plan.WindowStart,
            WindowEnd = _plan.WindowEnd,
            Events = _events,
            DecisionHash = _decisions.Hash(),
            Decisions = _decisions.Count,
            StartingEquity = _ledger.StartingEquity,
            EndingEquity = ending,
            TotalPnl = pnl,
            Return = _ledger.StartingEquity > 0m ? BacktestLedger.Round(pnl / _ledger.StartingEquity) : 0m,
            MaxDrawdown = BacktestLedger.Round(_ledger.MaxDrawdown),
            MaxDrawdownPusd = BacktestLedger.Round(_ledger.MaxDrawdownPusd),
            Sharpe = sharpe,
            Sortino = sortino,
            TradingDays = days,
            HitRate = _ledger.HitRate,
            Turnover = BacktestLedger.Round(_ledger.Turnover),
            Fees = BacktestLedger.Round(_ledger.Fees),
            AverageHoldingMinutes = _ledger.AverageHoldingMinutes,
            Intents = _intents,
            Orders = _orders,
            Fills = _fills,
            Rejections = _rejections,
            RoundTrips = _ledger.RoundTrips,
            CountsByReasonCode = _counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => new BacktestReasonCount { ReasonCode = c.Key, Count = c.Value }).ToList(),
            Markets = _ledger.MarketResults(),
            EquityCurve = _ledger.Curve(),
            Trades = trades,
            TradesOmitted = omitted > 0 ? omitted : null,
            DataWarnings = _warnings.Total > 0 ? _warnings.ToContract() : null,
        };
    }

    /// <summary>One market of the data set as the run sees it.</summary>
    private sealed class Slot(int index, Market market)
    {
        public const int TradedOutcome = BacktestRunner.TradedOutcome;

        public int Index { get; } = index;

        public Market Market { get; } = market;

        public string TokenId { get; } = market.Outcomes[TradedOutcome].TokenId;

        public TickGrid Grid { get; } = new(market.TickSize);

        public bool InScope { get; set; }

        public bool EverInScope { get; set; }

        /// <summary>Prices of its traded outcome the Strategy saw (while in scope).</summary>
        public long Observed { get; set; }

        /// <summary>Prices in the window off the market's tick grid.</summary>
        public long OffTick { get; set; }

        public bool Resolved { get; set; }

        public decimal LastPrice { get; set; }

        public long LastTicks { get; set; }

        /// <summary>The approved order waiting for the next observation of its token (next_observation fills).</summary>
        public OrderIntent? Pending { get; set; }
    }
}
