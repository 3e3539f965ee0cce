using Polytraders.Contracts;
using Polytraders.Trading.Portfolios;

namespace Polytraders.Trading.Risk;

/// <summary>
/// The risk gate of one Portfolio as plain deterministic code: the risk grain, the backtest and the tests drive the
/// same object. Time is an argument. Every check answers with its own RISK_* code; where a smaller order fits the
/// exposure limits it is reshaped instead of rejected.
/// </summary>
public sealed class RiskEngine
{
    private readonly RiskLimits _limits;
    private readonly IReadOnlyList<ClusterCap> _clusterCaps;

    public RiskEngine(RiskLimits limits, IReadOnlyList<ClusterCap> clusterCaps, RiskBook book)
    {
        _limits = limits;
        _clusterCaps = clusterCaps;
        Book = book;
    }

    /// <summary>The state to persist; the engine updates it in place.</summary>
    public RiskBook Book { get; }

    /// <summary>An engine for a Portfolio's config, opening with its bankroll unless a persisted book is given.</summary>
    public static RiskEngine For(PortfolioConfig config, RiskBook? book = null) =>
        new(config.RiskLimits, config.ClusterCaps, book ?? RiskBook.Opening(config.Bankroll));

    /// <summary>
    /// Approves, reshapes or rejects one intent. An order that passes takes an order-rate token and reserves its
    /// exposure until <see cref="ApplyFill"/> or <see cref="ReleaseOrder"/>.
    /// </summary>
    /// <param name="market">The market's rules (tick size, minimum size, clusters).</param>
    /// <param name="lastTrade">The market's last trade, or null when none is known.</param>
    public RiskDecision Evaluate(OrderIntent intent, Market market, LastTrade? lastTrade, DateTimeOffset now)
    {
        if (Book.OpenOrders.ContainsKey(intent.ClientOrderId))
        {
            throw new InvalidOperationException($"Order {intent.ClientOrderId} is already in flight; client order ids must be unique.");
        }

        RollDay(now);
        OrderRateBucket.Refill(Book, _limits.MaxOrdersPerMinute, now);
        var decision = Decide(intent, market, lastTrade, now);
        if (decision.Final is { } final)
        {
            OrderRateBucket.Take(Book);
            Book.OpenOrders[final.ClientOrderId] = new OpenOrder
            {
                ClientOrderId = final.ClientOrderId,
                MarketId = final.MarketId,
                TokenId = final.TokenId,
                Side = final.Side,
                RemainingSize = final.Size,
                LimitPrice = final.LimitPrice,
                ClusterIds = [.. market.ClusterIds],
            };
        }

        return decision;
    }

    /// <summary>
    /// Books a fill: position (average cost), cash, today's realised PnL (fees count as realised cost) and the
    /// order's reservation. A realised loss reaching the daily limit switches an ACTIVE Portfolio to REDUCING; the
    /// transition is returned for the grain to audit.
    /// </summary>
    public TradingStateTransition? ApplyFill(Fill fill, Market market, DateTimeOffset now)
    {
        RollDay(now);
        ReduceReservation(fill);
        var held = PositionOf(fill, market);
        var effect = new AverageCost(held.Size, held.CostBasis).Apply(fill);
        Post(held, effect.Position, effect.CashChange, effect.Realised);
        return ReduceOnDailyLoss("daily loss limit breached");
    }

    /// <summary>
    /// Takes a booked fill whose settlement failed back out of the book (<see cref="AverageCost.Reverse"/>): position,
    /// cash and today's realised PnL. The reversal's id is listed on the fill's order, which the book holds again (with
    /// nothing reserved) if execution had already released it, until execution releases it once more after delivering
    /// the reversal: so a reversal delivered twice is applied once, and the book stays bounded by the orders open. What
    /// the order still reserves is left as it is: whether the venue reopens a failed trade's size is not known here.
    /// </summary>
    public FillReversal ReverseFill(Fill fill, Market market, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(fill);
        ArgumentNullException.ThrowIfNull(market);
        RollDay(now);
        var order = Book.OpenOrders.TryGetValue(fill.ClientOrderId, out var open)
            ? open
            : new OpenOrder { ClientOrderId = fill.ClientOrderId, MarketId = fill.MarketId, TokenId = fill.TokenId, Side = fill.Side, ClusterIds = [.. market.ClusterIds] };
        Book.OpenOrders[fill.ClientOrderId] = order with { Fills = [.. order.Fills, FillReversals.IdOf(fill)] };

        var held = PositionOf(fill, market);
        var effect = new AverageCost(held.Size, held.CostBasis).Reverse(fill, held.AverageWhenEmptied);
        Post(held, effect.Position, effect.CashChange, effect.Realised);
        return new FillReversal(effect.Shortfall, ReduceOnDailyLoss($"daily loss limit breached by reversing fill {fill.FillId}"));
    }

    /// <summary>True when the reversal of <paramref name="fill"/> is already applied (see <see cref="ReverseFill"/>).</summary>
    public bool HasReversed(Fill fill) =>
        Book.OpenOrders.TryGetValue(fill.ClientOrderId, out var order) && order.Fills.Contains(FillReversals.IdOf(fill), StringComparer.Ordinal);

    /// <summary>Frees what an order reserved once it will not fill further (cancelled, refused by the venue, unfilled).</summary>
    public void ReleaseOrder(string clientOrderId) => Book.OpenOrders.Remove(clientOrderId);

    /// <summary>
    /// True when <paramref name="fill"/> is already booked: its id is on the order it fills, which the book holds until
    /// execution says the order is done. Execution never delivers a fill again after that, so no longer list is needed.
    /// </summary>
    public bool HasBooked(Fill fill) =>
        Book.OpenOrders.TryGetValue(fill.ClientOrderId, out var order) && order.Fills.Contains(fill.FillId, StringComparer.Ordinal);

    /// <summary>Switches the trading state (operator or breach); null when it already is in that state.</summary>
    public TradingStateTransition? SetTradingState(TradingState state, string reason)
    {
        if (Book.TradingState == state)
        {
            return null;
        }

        var from = Book.TradingState;
        Book.TradingState = state;
        return new TradingStateTransition(ReasonCodes.GovTradingStateChanged, from, state, Book.KillSwitch, reason);
    }

    /// <summary>The kill switch refuses every order whatever the trading state; null when already in that position.</summary>
    public TradingStateTransition? SetKillSwitch(bool on, string reason)
    {
        if (Book.KillSwitch == on)
        {
            return null;
        }

        Book.KillSwitch = on;
        var code = on ? ReasonCodes.GovKillSwitchOn : ReasonCodes.GovKillSwitchOff;
        return new TradingStateTransition(code, Book.TradingState, Book.TradingState, on, reason);
    }

    private RiskDecision Decide(OrderIntent intent, Market market, LastTrade? lastTrade, DateTimeOffset now)
    {
        if (Book.KillSwitch)
        {
            return RiskDecision.Reject(intent, ReasonCodes.RiskKillSwitch, "the kill switch is on");
        }

        if (Book.TradingState == TradingState.Halted)
        {
            return RiskDecision.Reject(intent, ReasonCodes.RiskStateHalted, "the Portfolio is HALTED");
        }

        if (!string.Equals(intent.MarketId, market.MarketId, StringComparison.OrdinalIgnoreCase)
            || !market.Outcomes.Exists(o => o.TokenId == intent.TokenId))
        {
            return RiskDecision.Reject(intent, ReasonCodes.RiskUnknownMarket, $"token {intent.TokenId} is not an outcome of market {market.MarketId}");
        }

        if (!OrderGrid.IsOnTick(intent.LimitPrice, market.TickSize))
        {
            return RiskDecision.Reject(intent, ReasonCodes.RiskTickSize, $"limit {intent.LimitPrice} is not a multiple of tick {market.TickSize} inside [tick, 1 - tick]");
        }

        if (intent.Size < market.MinOrderSize || intent.Size <= 0m)
        {
            return RiskDecision.Reject(intent, ReasonCodes.RiskMinOrderSize, $"size {intent.Size} is below the minimum {market.MinOrderSize}");
        }

        if (PriceCheck(intent, lastTrade, now) is { } priceRejection)
        {
            return priceRejection;
        }

        if (!OrderRateBucket.HasToken(Book))
        {
            return RiskDecision.Reject(intent, ReasonCodes.RiskOrderRateLimit, $"more than {_limits.MaxOrdersPerMinute} orders per minute");
        }

        return intent.Side == Side.Sell ? DecideSell(intent, market) : DecideBuy(intent, market);
    }

    private RiskDecision? PriceCheck(OrderIntent intent, LastTrade? lastTrade, DateTimeOffset now)
    {
        if (_limits.MaxPriceAgeSeconds is null && _limits.PriceBand is null)
        {
            return null;
        }

        if (lastTrade is not { } last)
        {
            return RiskDecision.Reject(intent, ReasonCodes.RiskStalePrice, "no last trade to check the price against");
        }

        if (_limits.MaxPriceAgeSeconds is { } maxAge && now - last.At > TimeSpan.FromSeconds(maxAge))
        {
            return RiskDecision.Reject(intent, ReasonCodes.RiskStalePrice, $"last trade at {last.At:O} is older than {maxAge} s");
        }

        if (_limits.PriceBand is { } band && Math.Abs(intent.LimitPrice - last.Price) > band)
        {
            return RiskDecision.Reject(intent, ReasonCodes.RiskPriceBand, $"limit {intent.LimitPrice} is more than {band} from the last trade {last.Price}");
        }

        return null;
    }

    /// <summary>Sells only reduce risk, so they pass in REDUCING; they are held to the tokens not already being sold.</summary>
    private RiskDecision DecideSell(OrderIntent intent, Market market)
    {
        var sellable = Book.Sellable(intent.TokenId);
        if (sellable <= 0m)
        {
            return RiskDecision.Reject(intent, ReasonCodes.RiskNoPositionToSell, $"no tokens of {intent.TokenId} left to sell");
        }

        return intent.Size <= sellable
            ? RiskDecision.Approve(intent)
            : Shrink(intent, market, sellable, ReasonCodes.RiskNoPositionToSell, $"size {intent.Size} above the {sellable} tokens held");
    }

    /// <summary>
    /// Buys add exposure: refused after a daily-loss breach and outside ACTIVE, otherwise held to the tightest of the
    /// per-order, per-market, gross, cluster and cash budgets, and cut down to it where a smaller order still fits.
    /// </summary>
    private RiskDecision DecideBuy(OrderIntent intent, Market market)
    {
        if (DailyLossBreached())
        {
            return RiskDecision.Reject(intent, ReasonCodes.RiskDailyLossLimit, $"realised {Book.RealisedPnlToday} today reaches the daily loss limit {_limits.DailyLossLimit}");
        }

        if (Book.TradingState == TradingState.Reducing)
        {
            return RiskDecision.Reject(intent, ReasonCodes.RiskStateReducing, "the Portfolio is REDUCING: only sells pass");
        }

        var tightest = new Budget(_limits.MaxOrderNotional, ReasonCodes.RiskMaxOrderNotional, "per-order notional cap");
        tightest = tightest.Min(new(_limits.MaxPositionPerMarket - Book.MarketExposure(market.MarketId), ReasonCodes.RiskMaxPositionPerMarket, "per-market position cap"));
        tightest = tightest.Min(new(_limits.MaxGrossExposure - Book.GrossExposure(), ReasonCodes.RiskMaxGrossExposure, "gross exposure cap"));
        foreach (var cap in _clusterCaps)
        {
            if (market.ClusterIds.Contains(cap.ClusterId))
            {
                tightest = tightest.Min(new(cap.MaxExposure - Book.ClusterExposure(cap.ClusterId), ReasonCodes.RiskClusterCap, $"cluster {cap.ClusterId} cap"));
            }
        }

        tightest = tightest.Min(new(Book.AvailableBalance(), ReasonCodes.RiskInsufficientBalance, "available pUSD balance"));
        var notional = intent.Size * intent.LimitPrice;
        if (notional <= tightest.Room)
        {
            return RiskDecision.Approve(intent);
        }

        var fits = tightest.Room > 0m ? tightest.Room / intent.LimitPrice : 0m;
        return Shrink(intent, market, fits, tightest.Code, $"notional {notional} above the {tightest.Name} room of {tightest.Room}");
    }

    /// <summary>The largest size on the size grid up to <paramref name="fits"/>, if the market still accepts it.</summary>
    private static RiskDecision Shrink(OrderIntent intent, Market market, decimal fits, string limitCode, string why)
    {
        var size = OrderGrid.FloorSize(fits);
        return size > 0m && size >= market.MinOrderSize
            ? RiskDecision.Reshape(intent, size, limitCode, $"{why}: size {intent.Size} -> {size}")
            : RiskDecision.Reject(intent, limitCode, $"{why}; no size from the minimum {market.MinOrderSize} up fits");
    }

    private bool DailyLossBreached() => Book.RealisedPnlToday < 0m && -Book.RealisedPnlToday >= _limits.DailyLossLimit;

    /// <summary>Realised PnL is per UTC day of <c>now</c>; a new day starts from zero (the trading state stays as it is).</summary>
    private void RollDay(DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (today != Book.PnlDay)
        {
            Book.PnlDay = today;
            Book.RealisedPnlToday = 0m;
        }
    }

    private RiskPosition PositionOf(Fill fill, Market market) =>
        Book.Positions.TryGetValue(fill.TokenId, out var held)
            ? held
            : new RiskPosition { MarketId = fill.MarketId, TokenId = fill.TokenId, ClusterIds = [.. market.ClusterIds] };

    /// <summary>Books a fill's (or a reversal's) effect on its token's position, cash and today's realised PnL.</summary>
    private void Post(RiskPosition held, AverageCost after, decimal cashChange, decimal realised)
    {
        var emptied = held.Size > 0m && after.Size == 0m ? decimal.Round(held.CostBasis / held.Size, AverageCost.AveragePriceDecimals) : held.AverageWhenEmptied;
        Book.Positions[held.TokenId] = held with { Size = after.Size, CostBasis = after.CostBasis, RealisedPnl = held.RealisedPnl + realised, AverageWhenEmptied = emptied };
        Book.Balance += cashChange;
        Book.RealisedPnlToday += realised;
    }

    /// <summary>A realised loss reaching the daily limit switches an ACTIVE Portfolio to REDUCING.</summary>
    private TradingStateTransition? ReduceOnDailyLoss(string cause) =>
        DailyLossBreached() && Book.TradingState == TradingState.Active
            ? SetTradingState(TradingState.Reducing, $"{cause}: realised {Book.RealisedPnlToday} today against a limit of {_limits.DailyLossLimit}")
            : null;

    /// <summary>The order stays held (its reservation down to what is still unfilled) until <see cref="ReleaseOrder"/>.</summary>
    private void ReduceReservation(Fill fill)
    {
        if (Book.OpenOrders.TryGetValue(fill.ClientOrderId, out var order))
        {
            Book.OpenOrders[fill.ClientOrderId] = order with { RemainingSize = Math.Max(order.RemainingSize - fill.Size, 0m), Fills = [.. order.Fills, fill.FillId] };
        }
    }

    /// <summary>pUSD of room left under one limit; the tightest one shapes a buy (ties go to the one checked first).</summary>
    private readonly record struct Budget(decimal Room, string Code, string Name)
    {
        public Budget Min(Budget other) => other.Room < Room ? other : this;
    }
}
