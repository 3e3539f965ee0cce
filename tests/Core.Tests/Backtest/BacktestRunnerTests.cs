using Polytraders.Contracts;
using Polytraders.Trading;
using Polytraders.Trading.Backtest;
using Polytraders.Trading.Backtest.Data;
using Polytraders.Trading.Momentum;
using Polytraders.Trading.Scope;
using Polytraders.Trading.Venues;

namespace Polytraders.Core.Tests.Backtest;

/// <summary>Windows, scope over time, settlement, the fill model and the results of the runner.</summary>
public class BacktestRunnerTests
{
    private const string Fed = "0xecf87bcd77ea8ca4621a51203ab6216100b7021a1ea8f9541da09454d3891810";

    [Fact]
    public void without_a_window_the_run_covers_the_last_180_days_of_the_data()
    {
        var results = BacktestFixtures.Run(BacktestFixtures.Request(), out _);

        Assert.Equal(new DateTimeOffset(2026, 9, 1, 0, 0, 0, TimeSpan.Zero), results.WindowStart);
        Assert.Equal(new DateTimeOffset(2026, 9, 7, 23, 50, 0, TimeSpan.Zero), results.WindowEnd);
        var (start, end) = BacktestWindows.Resolve(null, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 31, 0, 0, 0, TimeSpan.Zero));
        Assert.Equal(TimeSpan.FromDays(180), end - start);
        Assert.Equal(new DateTimeOffset(2026, 12, 31, 0, 0, 0, TimeSpan.Zero), end);
    }

    [Fact]
    public void a_window_over_180_days_is_refused_with_STRAT_BACKTEST_WINDOW_TOO_LONG()
    {
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        BacktestWindow[] windows =
        [
            new() { Days = 181 },
            new() { Start = start, End = start.AddDays(180).AddMinutes(1) },
        ];

        foreach (var window in windows)
        {
            var refused = Assert.Throws<BacktestException>(() => BacktestFixtures.Run(BacktestFixtures.Request(window: window), out _));
            Assert.Equal(ReasonCodes.StratBacktestWindowTooLong, refused.ReasonCode);
        }

        BacktestWindows.CheckRequested(new BacktestWindow { Start = start, End = start.AddDays(180) });
    }

    [Fact]
    public void an_explicit_window_runs_only_its_prices()
    {
        var window = new BacktestWindow { Start = new DateTimeOffset(2026, 9, 2, 0, 0, 0, TimeSpan.Zero), Days = 2 };

        var results = BacktestFixtures.Run(BacktestFixtures.Request(window: window), out _);

        Assert.Equal(window.Start, results.WindowStart);
        Assert.Equal(window.Start!.Value.AddDays(2), results.WindowEnd);
        Assert.Equal((2 * 144 + 1) * 7, results.Events);
        Assert.Equal(2, results.TradingDays);
    }

    [Fact]
    public void an_empty_or_unknown_scope_is_refused_with_its_code()
    {
        var afterEverything = new BacktestWindow { Start = new DateTimeOffset(2026, 9, 7, 12, 0, 0, TimeSpan.Zero) };
        var solOnly = new MarketScope { Mode = ScopeMode.Manual, MarketIds = [BacktestFixtures.SolMarket] };
        var empty = Assert.Throws<BacktestException>(() => BacktestFixtures.Run(BacktestFixtures.Request(BacktestFixtures.Launch(solOnly), afterEverything), out _));
        Assert.Equal(ReasonCodes.StratScopeEmpty, empty.ReasonCode);

        var unknownMarket = new MarketScope { Mode = ScopeMode.Manual, MarketIds = ["0x" + new string('7', 64)] };
        Assert.Equal(ReasonCodes.StratUnknownMarket, Assert.Throws<BacktestException>(() => BacktestFixtures.Run(BacktestFixtures.Request(BacktestFixtures.Launch(unknownMarket)), out _)).ReasonCode);

        var unknownCluster = new MarketScope { Mode = ScopeMode.Cluster, ClusterId = "sports" };
        Assert.Equal(ReasonCodes.StratUnknownCluster, Assert.Throws<BacktestException>(() => BacktestFixtures.Run(BacktestFixtures.Request(BacktestFixtures.Launch(unknownCluster)), out _)).ReasonCode);

        var noMarkets = new MarketScope { Mode = ScopeMode.Manual, MarketIds = [] };
        Assert.Equal(ReasonCodes.StratScopeEmpty, Assert.Throws<BacktestException>(() => BacktestFixtures.Run(BacktestFixtures.Request(BacktestFixtures.Launch(noMarkets)), out _)).ReasonCode);

        var inconsistent = BacktestFixtures.Parameters(entry: 0.2m, exit: 0.3m);
        Assert.Equal(ReasonCodes.StratInvalidParameters, Assert.Throws<BacktestException>(() => BacktestFixtures.Run(BacktestFixtures.Request(BacktestFixtures.Launch(parameters: inconsistent)), out _)).ReasonCode);
    }

    [Fact]
    public void cluster_membership_follows_the_metadata_events()
    {
        var journal = new RecordingJournal();
        var data = BacktestFixtures.Sample;
        var request = BacktestFixtures.Request();
        Backtests.Run(BacktestPlan.Create(request, data), data, BacktestSettings.From(request, "BT-membership"), journal);

        var scope = journal.Scopes.Select(s => (s.Change.MarketId, s.Change.ReasonCode, s.Change.Cause, s.At)).ToList();
        Assert.Equal(
            [
                (BacktestFixtures.BtcMarket, ReasonCodes.StratMarketInScope, AuditPayloadCause.Launch, new DateTimeOffset(2026, 9, 1, 0, 0, 0, TimeSpan.Zero)),
                (BacktestFixtures.EthMarket, ReasonCodes.StratMarketInScope, AuditPayloadCause.Launch, new DateTimeOffset(2026, 9, 1, 0, 0, 0, TimeSpan.Zero)),
                (BacktestFixtures.SolMarket, ReasonCodes.StratMarketInScope, AuditPayloadCause.Launch, new DateTimeOffset(2026, 9, 1, 0, 0, 0, TimeSpan.Zero)),
                (BacktestFixtures.EthMarket, ReasonCodes.StratMarketOutOfScope, AuditPayloadCause.ClusterRemoval, new DateTimeOffset(2026, 9, 3, 12, 0, 0, TimeSpan.Zero)),
                (BacktestFixtures.DogeMarket, ReasonCodes.StratMarketInScope, AuditPayloadCause.ClusterAddition, new DateTimeOffset(2026, 9, 4, 0, 0, 0, TimeSpan.Zero)),

                // A resolution leaves the scope as STRAT_MARKET_OUT_OF_SCOPE, its cause recorded, as live.
                (BacktestFixtures.SolMarket, ReasonCodes.StratMarketOutOfScope, AuditPayloadCause.Resolution, new DateTimeOffset(2026, 9, 6, 18, 0, 0, TimeSpan.Zero)),
            ],
            scope);
        Assert.DoesNotContain(journal.Intents, i => i.MarketId == BacktestFixtures.EthMarket && i.CreatedAt > new DateTimeOffset(2026, 9, 3, 12, 0, 0, TimeSpan.Zero) && i.Side == Side.Buy);
        Assert.DoesNotContain(journal.Intents, i => i.MarketId == BacktestFixtures.DogeMarket && i.CreatedAt < new DateTimeOffset(2026, 9, 4, 0, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void a_position_held_when_its_market_resolves_settles_at_1_for_the_winning_outcome()
    {
        // The Fed market drifts up into a Yes resolution; a take-profit out of reach keeps the position to the end, and
        // fills at the decision price catch a market that moves up a few ticks every point.
        var parameters = BacktestFixtures.Parameters() with { TakeProfit = 0.9m, ExitThreshold = -1m, MaxHoldingMinutes = 525600 };
        var launch = BacktestFixtures.Launch(new MarketScope { Mode = ScopeMode.Manual, MarketIds = [Fed] }, parameters);
        var journal = new RecordingJournal();
        var data = BacktestFixtures.Sample;
        var request = BacktestFixtures.Request(launch, fills: new BacktestFillModel { Timing = BacktestFillModelTiming.DecisionPrice });

        var results = Backtests.Run(BacktestPlan.Create(request, data), data, BacktestSettings.From(request, "BT-settle"), journal);

        var settled = Assert.Single(journal.Settlements);
        Assert.Equal(1m, settled.Payout);
        var market = Assert.Single(results.Markets);
        Assert.Equal(1m, market.SettlementPrice);
        var trade = Assert.Single(results.Trades!, t => t.Close == BacktestTradeClose.Settled);
        Assert.Equal(1m, trade.ExitPrice);
        Assert.Equal(decimal.Round((1m - trade.EntryPrice) * trade.Size, 6), trade.Pnl);
        Assert.Contains(results.CountsByReasonCode, c => c.ReasonCode == ReasonCodes.StratMarketResolved);
        Assert.Contains(journal.Stranded, s => s.Code == ReasonCodes.StratMarketResolved);
        Assert.Equal(results.EndingEquity - results.StartingEquity, results.TotalPnl);
    }

    [Fact]
    public void decision_price_fills_at_once_and_next_observation_fills_later()
    {
        var next = BacktestFixtures.Run(BacktestFixtures.Request(), out _);
        var atDecision = BacktestFixtures.Run(BacktestFixtures.Request(fills: new BacktestFillModel { Timing = BacktestFillModelTiming.DecisionPrice }), out _);

        Assert.NotEqual(next.DecisionHash, atDecision.DecisionHash);
        Assert.Equal(0, atDecision.CountsByReasonCode.SingleOrDefault(c => c.ReasonCode == ReasonCodes.ExecOrderUnfilled)?.Count ?? 0);
        Assert.True(next.CountsByReasonCode.Single(c => c.ReasonCode == ReasonCodes.ExecOrderUnfilled).Count > 0);
    }

    [Fact]
    public void slippage_and_fees_cost_money_and_are_counted()
    {
        var model = new BacktestFillModel { Timing = BacktestFillModelTiming.DecisionPrice };
        var free = BacktestFixtures.Run(BacktestFixtures.Request(fills: model), out _);
        var costly = BacktestFixtures.Run(BacktestFixtures.Request(fills: model with { SlippageTicks = 1, FeeBps = 20 }), out _);

        Assert.Equal(0m, free.Fees);
        Assert.True(costly.Fees > 0m);
        Assert.True(costly.TotalPnl < free.TotalPnl, $"{costly.TotalPnl} should be below {free.TotalPnl}");
    }

    [Fact]
    public void a_book_snapshot_limits_the_fill_to_the_size_shown_and_the_rest_is_cancelled()
    {
        const string token = "15826139320033972737636070982436082836215839087219735774546531343665545486909";
        var lines = new List<string> { PriceCsvSource.BookHeader };
        var at = new DateTimeOffset(2026, 9, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 80; i++)
        {
            var price = 0.30m + (0.005m * i);
            lines.Add($"{at.AddMinutes(10 * i):yyyy-MM-ddTHH:mm:ssZ},{token},{price},{price - 0.01m},{price + 0.01m},100,50");
        }

        using var data = new TempDataSet(string.Join("\n", lines) + "\n");
        var launch = BacktestFixtures.Launch(new MarketScope { Mode = ScopeMode.Manual, MarketIds = [BacktestFixtures.BtcMarket] });
        var journal = new RecordingJournal();
        var request = BacktestFixtures.Request(launch);
        var set = data.Open();

        var results = Backtests.Run(BacktestPlan.Create(request, set), set, BacktestSettings.From(request, "BT-partial"), journal);

        var first = journal.Fills.First();
        Assert.Equal(Side.Buy, first.Side);
        Assert.Equal(50m, first.Size);
        Assert.True(journal.Intents.First().Size > 50m);
        Assert.Contains(results.CountsByReasonCode, c => c.ReasonCode == ReasonCodes.ExecOrderPartiallyFilled);
    }

    [Fact]
    public void the_recorder_hashes_exactly_as_the_decision_log()
    {
        var results = BacktestFixtures.Run(BacktestFixtures.Request(), out var lines);

        Assert.Equal(DecisionLog.HashOf(string.Concat(lines.Select(l => l + "\n"))), results.DecisionHash);
        Assert.Equal(lines.Count, results.Decisions);
    }

    [Fact]
    public void progress_is_reported_and_cancellation_stops_the_run()
    {
        var plan = LoadPlan(markets: 3, days: 60);
        var reports = new List<BacktestProgress>();
        using var cancel = new CancellationTokenSource();

        Assert.ThrowsAny<OperationCanceledException>(() => Backtests.Run(plan, _ => SyntheticPrices.Sources(3, 60 * 1440, 1), new BacktestSettings(), null, p =>
        {
            reports.Add(p);
            if (p.Percent > 30m)
            {
                cancel.Cancel();
            }
        }, cancel.Token, out _));

        Assert.True(reports.Count >= 2);
        Assert.True(reports.Zip(reports.Skip(1)).All(pair => pair.First.Percent <= pair.Second.Percent));
    }

    [Fact]
    public void daily_ratios_follow_their_definitions()
    {
        var (sharpe, sortino, days) = BacktestRatios.Of(100m, [101m, 100m, 102m, 101m]);
        decimal[] returns = [0.01m, 100m / 101m - 1m, 0.02m, 101m / 102m - 1m];
        var mean = returns.Average();
        var sd = Math.Sqrt((double)(returns.Sum(r => (r - mean) * (r - mean)) / 3));
        var downside = Math.Sqrt((double)(returns.Where(r => r < 0).Sum(r => r * r) / 4));

        Assert.Equal(4, days);
        Assert.Equal(decimal.Round((decimal)((double)mean / sd * Math.Sqrt(365)), 6), sharpe);
        Assert.Equal(decimal.Round((decimal)((double)mean / downside * Math.Sqrt(365)), 6), sortino);
        Assert.Equal((null, null, 1), BacktestRatios.Of(100m, [101m]));
    }

    [Fact]
    public void simulated_fills_slip_against_the_order_but_never_past_its_limit()
    {
        Assert.Equal(0.52m, SimulatedFill.PriceWithSlippage(Side.Buy, 0.50m, 0.55m, 0.01m, 2));
        Assert.Equal(0.51m, SimulatedFill.PriceWithSlippage(Side.Buy, 0.50m, 0.51m, 0.01m, 5));
        Assert.Equal(0.48m, SimulatedFill.PriceWithSlippage(Side.Sell, 0.50m, 0.40m, 0.01m, 2));
        Assert.Equal(0.49m, SimulatedFill.PriceWithSlippage(Side.Sell, 0.50m, 0.49m, 0.01m, 5));
        Assert.Equal(0.5m, SimulatedFill.FeeOf(100m, 0.5m, 100m));
        Assert.Equal(0m, SimulatedFill.FeeOf(100m, 0.5m, 0m));
        Assert.True(SimulatedFill.IsMarketable(Side.Buy, 0.5m, 0.5m));
        Assert.False(SimulatedFill.IsMarketable(Side.Sell, 0.51m, 0.5m));
        var at = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal(at.AddHours(1), EventTime.Of(at.AddHours(1), at));
        Assert.Equal(at.AddHours(1), EventTime.Of(at, at.AddHours(1)));
    }

    internal static BacktestPlan LoadPlan(int markets, int days)
    {
        var list = SyntheticPrices.Markets(markets);
        var launch = BacktestFixtures.Launch(new MarketScope { Mode = ScopeMode.Cluster, ClusterId = SyntheticPrices.ClusterId });
        var start = SyntheticPrices.DefaultStart;
        return BacktestPlan.Create(launch, BacktestFixtures.Port001, list, [SyntheticPrices.Cluster(list)], [], start, start.AddDays(days));
    }
}
