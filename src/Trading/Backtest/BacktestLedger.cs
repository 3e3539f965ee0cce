using Polytraders.Contracts;
using Polytraders.Trading.Risk;

namespace Polytraders.Trading.Backtest;

/// <summary>
/// The run's money view, kept incrementally beside the risk book (whose cash it reads): open positions marked at the
/// last observed price of their token, equity and its running peak and drawdown, equity at the end of each UTC day
/// (for Sharpe and Sortino), a sampled equity curve, round trips and per-market PnL. Nothing here decides anything.
/// Peak and drawdown are taken on the equity of each observed time once every price, fill and settlement of that time
/// is in (<see cref="MarkTime"/>): halfway through one time's prices the equity is an artefact of processing order,
/// not a state the Portfolio was ever in.
/// </summary>
internal sealed class BacktestLedger
{
    private const int PusdDecimals = 6;

    private readonly RiskBook _book;
    private readonly MarketBook[] _markets;
    private readonly List<decimal> _dayCloses = [];
    private readonly List<BacktestEquityPoint> _curve = [];
    private readonly Queue<BacktestTrade> _trades = new();
    private readonly int _maxTrades;
    private readonly long _sampleTicks;
    private decimal _heldValue;
    private decimal _peak;
    private bool _unmarked;
    private long _closedTrips;
    private long _winningTrips;
    private long _holdingTicks;

    public BacktestLedger(RiskBook book, IReadOnlyList<Market> markets, int tradedOutcome, DateTimeOffset start, DateTimeOffset end, int equityPoints, int maxTrades)
    {
        _book = book;
        _markets = markets.Select(m => new MarketBook(m, m.Outcomes[tradedOutcome].TokenId)).ToArray();
        _maxTrades = maxTrades;
        StartingEquity = book.Balance;
        _peak = StartingEquity;
        _sampleTicks = SampleStep(end - start, equityPoints).Ticks;
        NextSample = start.UtcTicks + _sampleTicks;
        NextDay = start.UtcDateTime.Date.AddDays(1).Ticks;
        _curve.Add(Point(start));
    }

    public decimal StartingEquity { get; }

    public decimal Equity => _book.Balance + _heldValue;

    public decimal MaxDrawdown { get; private set; }

    public decimal MaxDrawdownPusd { get; private set; }

    public decimal Turnover { get; private set; }

    public decimal Fees { get; private set; }

    public long NextSample { get; private set; }

    public long NextDay { get; private set; }

    public long RoundTrips => _closedTrips;

    public IReadOnlyList<decimal> DayCloses => _dayCloses;

    /// <summary>A new observed price of a market's traded token.</summary>
    public void Observe(int market, decimal price)
    {
        var book = _markets[market];
        if (book.Held != 0m && price != book.LastPrice)
        {
            _heldValue += book.Held * (price - book.LastPrice);
            book.LastPrice = price;
            _unmarked = true;
        }
        else
        {
            book.LastPrice = price;
        }
    }

    public void OnFill(int market, Fill fill)
    {
        var book = _markets[market];
        var notional = fill.Size * fill.Price;
        Turnover += notional;
        Fees += fill.Fee;
        book.Fills++;
        book.Trip ??= new Trip(fill.FilledAt);
        var trip = book.Trip;
        trip.Fees += fill.Fee;
        if (fill.Side == Side.Buy)
        {
            book.Held += fill.Size;
            book.CashFlow -= notional + fill.Fee;
            trip.BuyCost += notional;
            trip.BuySize += fill.Size;
            trip.MaxSize = Math.Max(trip.MaxSize, book.Held);
            _heldValue += fill.Size * book.LastPrice;
        }
        else
        {
            book.Held -= fill.Size;
            book.CashFlow += notional - fill.Fee;
            trip.Proceeds += notional;
            trip.SoldSize += fill.Size;
            _heldValue -= fill.Size * book.LastPrice;
        }

        if (book.Held == 0m)
        {
            Close(book, fill.FilledAt, BacktestTradeClose.Sold);
        }

        _unmarked = true;
    }

    /// <summary>A position of the market's traded token paid out at resolution (1 or 0 per token).</summary>
    public void OnSettle(int market, string tokenId, decimal size, decimal payout, DateTimeOffset at)
    {
        var book = _markets[market];
        book.SettlementPrice = book.TokenId == tokenId ? payout : book.SettlementPrice;
        if (book.TokenId != tokenId || book.Held == 0m)
        {
            // Not the token the Strategy trades: cash only (the risk book already holds it).
            _unmarked = true;
            return;
        }

        _heldValue -= book.Held * book.LastPrice;
        book.CashFlow += size * payout;
        if (book.Trip is { } trip)
        {
            trip.Proceeds += size * payout;
            trip.SoldSize += size;
            trip.Settled = true;
        }

        book.Held = 0m;
        Close(book, at, BacktestTradeClose.Settled);
        _unmarked = true;
    }

    /// <summary>Closes the UTC days and curve samples that end at or before <paramref name="ticks"/>, at the equity before it.</summary>
    public void Advance(long ticks)
    {
        MarkTime();
        while (NextDay <= ticks)
        {
            _dayCloses.Add(Equity);
            NextDay += TimeSpan.TicksPerDay;
        }

        while (NextSample <= ticks)
        {
            _curve.Add(Point(new DateTimeOffset(NextSample, TimeSpan.Zero)));
            NextSample += _sampleTicks;
        }
    }

    /// <summary>Closes the run: the last (partial) day and the last curve point; open round trips are reported as open.</summary>
    public void Finish(DateTimeOffset end)
    {
        Advance(end.UtcTicks);
        if (_dayCloses.Count == 0 || end.UtcTicks != NextDay - TimeSpan.TicksPerDay)
        {
            _dayCloses.Add(Equity);
        }

        if (_curve[^1].At != end)
        {
            _curve.Add(Point(end));
        }

        foreach (var book in _markets)
        {
            if (book.Trip is { } trip)
            {
                Keep(Trade(book, trip, null, BacktestTradeClose.Open));
            }
        }
    }

    public List<BacktestEquityPoint> Curve() => [.. _curve];

    public (List<BacktestTrade> Trades, long Omitted) Trades() => ([.. _trades], Math.Max(0, _closedTrips + _markets.Count(m => m.Trip is not null) - _trades.Count));

    public decimal? HitRate => _closedTrips == 0 ? null : Round((decimal)_winningTrips / _closedTrips);

    public decimal? AverageHoldingMinutes => _closedTrips == 0 ? null : Round((decimal)_holdingTicks / _closedTrips / TimeSpan.TicksPerMinute);

    public List<BacktestMarketResult> MarketResults() => _markets
        .Where(m => m.Fills > 0 || m.SettlementPrice is not null)
        .Select(m => new BacktestMarketResult
        {
            MarketId = m.Market.MarketId,
            TokenId = m.TokenId,
            Pnl = Round(m.CashFlow + (m.Held * m.LastPrice)),
            Fills = m.Fills,
            RoundTrips = m.RoundTrips,
            SettlementPrice = m.SettlementPrice,
        })
        .ToList();

    public static decimal Round(decimal value) => decimal.Round(value, PusdDecimals, MidpointRounding.AwayFromZero);

    /// <summary>A sampling step that gives about <paramref name="points"/> points: 1, 5, 15, 30 minutes, 1 or 4 hours, or a day.</summary>
    private static TimeSpan SampleStep(TimeSpan window, int points)
    {
        TimeSpan[] steps = [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30), TimeSpan.FromHours(1), TimeSpan.FromHours(4)];
        var wanted = window / Math.Max(1, points);
        return steps.FirstOrDefault(s => s >= wanted, TimeSpan.FromDays(1));
    }

    /// <summary>Takes peak and drawdown on the equity as it stands: the runner calls it when time moves on.</summary>
    public void MarkTime()
    {
        if (!_unmarked)
        {
            return;
        }

        _unmarked = false;
        var equity = Equity;
        if (equity > _peak)
        {
            _peak = equity;
            return;
        }

        var drop = _peak - equity;
        if (drop > MaxDrawdownPusd)
        {
            MaxDrawdownPusd = drop;
            MaxDrawdown = _peak > 0m ? drop / _peak : 0m;
        }
    }

    private BacktestEquityPoint Point(DateTimeOffset at)
    {
        var equity = Equity;
        return new BacktestEquityPoint
        {
            At = at,
            Equity = Round(equity),
            Drawdown = _peak > 0m && equity < _peak ? Round((_peak - equity) / _peak) : 0m,
        };
    }

    private void Close(MarketBook book, DateTimeOffset at, BacktestTradeClose how)
    {
        if (book.Trip is not { } trip)
        {
            return;
        }

        book.Trip = null;
        book.RoundTrips++;
        _closedTrips++;
        var trade = Trade(book, trip, at, how);
        if (trade.Pnl > 0m)
        {
            _winningTrips++;
        }

        _holdingTicks += (at - trip.OpenedAt).Ticks;
        Keep(trade);
    }

    private void Keep(BacktestTrade trade)
    {
        _trades.Enqueue(trade);
        if (_trades.Count > _maxTrades)
        {
            _trades.Dequeue();
        }
    }

    private static BacktestTrade Trade(MarketBook book, Trip trip, DateTimeOffset? closedAt, BacktestTradeClose how) => new()
    {
        MarketId = book.Market.MarketId,
        TokenId = book.TokenId,
        OpenedAt = trip.OpenedAt,
        ClosedAt = closedAt,
        Size = trip.MaxSize,
        EntryPrice = trip.BuySize > 0m ? decimal.Round(trip.BuyCost / trip.BuySize, PusdDecimals) : 0m,
        ExitPrice = trip.SoldSize > 0m ? decimal.Round(trip.Proceeds / trip.SoldSize, PusdDecimals) : null,
        Pnl = Round(trip.Proceeds - trip.BuyCost - trip.Fees + (how == BacktestTradeClose.Open ? book.Held * book.LastPrice : 0m)),
        Close = how,
    };

    private sealed class MarketBook(Market market, string tokenId)
    {
        public Market Market { get; } = market;

        public string TokenId { get; } = tokenId;

        public decimal Held { get; set; }

        public decimal LastPrice { get; set; }

        public decimal CashFlow { get; set; }

        public long Fills { get; set; }

        public long RoundTrips { get; set; }

        public decimal? SettlementPrice { get; set; }

        public Trip? Trip { get; set; }
    }

    private sealed class Trip(DateTimeOffset openedAt)
    {
        public DateTimeOffset OpenedAt { get; } = openedAt;

        public decimal BuyCost { get; set; }

        public decimal BuySize { get; set; }

        public decimal Proceeds { get; set; }

        public decimal SoldSize { get; set; }

        public decimal Fees { get; set; }

        public decimal MaxSize { get; set; }

        public bool Settled { get; set; }
    }
}
