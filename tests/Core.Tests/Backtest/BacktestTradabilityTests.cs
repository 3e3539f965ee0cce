using Polytraders.Contracts;
using Polytraders.Trading.Backtest;
using Polytraders.Trading.Backtest.Data;

namespace Polytraders.Core.Tests.Backtest;

/// <summary>
/// A run that could not trade is refused before it starts; markets that could not take part, and prices that are off
/// the market's grid, are named in the data warnings of a run that does; only points inside the window are counted.
/// </summary>
public class BacktestTradabilityTests
{
    private const string Btc = "15826139320033972737636070982436082836215839087219735774546531343665545486909";
    private const string Eth = "1447106713150339527266486850688912811227526533012000310233261193024589352754";

    private static readonly DateTimeOffset September = new(2026, 9, 1, 0, 0, 0, TimeSpan.Zero);

    private static MarketScope Manual(params string[] marketIds) => new() { Mode = ScopeMode.Manual, MarketIds = [.. marketIds] };

    [Fact]
    public void a_default_window_after_the_scopes_prices_is_refused_with_STRAT_BACKTEST_NO_DATA_IN_WINDOW()
    {
        // Bitcoin was captured in January, Ethereum in September: the last 180 days of the data set miss Bitcoin entirely.
        var csv = Csv((Btc, September.AddMonths(-8), 40, _ => 0.40m), (Eth, September, 40, _ => 0.30m));
        using var data = new TempDataSet(csv);

        var refused = Assert.Throws<BacktestException>(() => BacktestFixtures.Run(BacktestFixtures.Request(BacktestFixtures.Launch(Manual(BacktestFixtures.BtcMarket))), out _, data.Open()));

        Assert.Equal(ReasonCodes.StratBacktestNoDataInWindow, refused.ReasonCode);
        Assert.Contains("holds no price", refused.Message, StringComparison.Ordinal);
        Assert.Contains("2026-01-01", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void a_window_shorter_than_the_slow_lookback_in_every_market_is_refused_with_STRAT_BACKTEST_TOO_FEW_POINTS()
    {
        // Two hours of ten-minute prices: 13 per market, the slow lookback wants 24.
        var window = new BacktestWindow { Start = September, End = September.AddHours(2) };

        var refused = Assert.Throws<BacktestException>(() => BacktestFixtures.Run(BacktestFixtures.Request(window: window), out _));

        Assert.Equal(ReasonCodes.StratBacktestTooFewPoints, refused.ReasonCode);
        Assert.Contains("the most is 13", refused.Message, StringComparison.Ordinal);
        Assert.Contains("slow_lookback", refused.Message, StringComparison.Ordinal);

        // One price more than the lookback needs is a run (and the sample's own window stays one).
        var enough = new BacktestWindow { Start = September, End = September.AddMinutes(10 * 24) };
        Assert.Equal(25 * 7, BacktestFixtures.Run(BacktestFixtures.Request(window: enough), out _).Events);
    }

    [Fact]
    public void markets_in_scope_short_of_the_slow_lookback_are_named_in_the_data_warnings()
    {
        var csv = Csv((Btc, September, 40, i => 0.40m + (0.01m * (i % 5))), (Eth, September, 5, _ => 0.30m));
        using var data = new TempDataSet(csv);

        var results = BacktestFixtures.Run(BacktestFixtures.Request(BacktestFixtures.Launch(Manual(BacktestFixtures.BtcMarket, BacktestFixtures.EthMarket))), out _, data.Open());

        var warning = Assert.Single(results.DataWarnings!, w => w.ReasonCode == ReasonCodes.StratBacktestTooFewPoints);
        Assert.StartsWith(BacktestFixtures.EthMarket + ": 5 prices while in scope", warning.Detail, StringComparison.Ordinal);
        Assert.Equal(1, warning.Count);
    }

    [Fact]
    public void prices_off_the_tick_grid_are_counted_as_warnings_and_fill_on_the_grid()
    {
        // A market that climbs half a tick (0.005 on a 0.01 grid) every point: every other price is off the grid. The book
        // (deep enough to fill whole) gives the pack's spread valuators something to read, so the climb trades.
        var lines = Enumerable.Range(0, 80).Select(i => (At: September.AddMinutes(10 * i), Price: 0.30m + (0.005m * i)))
            .Select(p => $"{p.At:yyyy-MM-ddTHH:mm:ssZ},{Btc},{p.Price},{p.Price - 0.01m},{p.Price + 0.01m},10000,10000");
        var csv = PriceCsvSource.BookHeader + "\n" + string.Join("\n", lines) + "\n";
        using var data = new TempDataSet(csv);
        var request = BacktestFixtures.Request(BacktestFixtures.Launch(Manual(BacktestFixtures.BtcMarket)));
        var set = data.Open();
        var journal = new RecordingJournal();

        var results = Backtests.Run(BacktestPlan.Create(request, set), set, BacktestSettings.From(request, "BT-off-tick"), journal);

        var warning = Assert.Single(results.DataWarnings!, w => w.ReasonCode == ReasonCodes.StratBacktestOffTickPrice);
        Assert.Equal(40, warning.Count);
        Assert.Contains("0.01 tick grid", warning.Detail, StringComparison.Ordinal);
        Assert.NotEmpty(journal.Fills);
        Assert.All(journal.Fills, f => Assert.Equal(0m, f.Price % 0.01m));
        Assert.Contains(journal.Fills, f => f.Side == Side.Buy);
    }

    [Fact]
    public void the_sample_data_set_is_on_its_grid_and_has_no_warning()
    {
        Assert.Null(BacktestFixtures.Run(BacktestFixtures.Request(), out _).DataWarnings);
        Assert.Null(BacktestFixtures.Run(BacktestFixtures.Request(BacktestFixtures.Launch(new MarketScope { Mode = ScopeMode.Cluster, ClusterId = "politics" })), out _).DataWarnings);
    }

    [Fact]
    public void data_warnings_count_only_points_inside_the_window()
    {
        // A price of exactly 1 every fifth point, over 60 points; the window takes the last 30 (six of the twelve 1s).
        var csv = Csv((Btc, September, 60, i => i % 5 == 0 ? 1m : 0.40m + (0.01m * (i % 3))));
        using var data = new TempDataSet(csv);
        var window = new BacktestWindow { Start = September.AddMinutes(10 * 30), End = September.AddMinutes(10 * 59) };

        var results = BacktestFixtures.Run(BacktestFixtures.Request(BacktestFixtures.Launch(Manual(BacktestFixtures.BtcMarket)), window), out _, data.Open());

        var warning = Assert.Single(results.DataWarnings!);
        Assert.Contains("exactly 1", warning.Detail, StringComparison.Ordinal);
        Assert.Equal(6, warning.Count);
        Assert.Equal(24, results.Events);
    }

    [Fact]
    public void a_tick_grid_is_read_off_the_scale_and_the_remainder()
    {
        var cent = new TickGrid(0.01m);
        Assert.True(cent.Holds(0.42m));
        Assert.True(cent.Holds(0.420m));
        Assert.True(cent.Holds(0.4m));
        Assert.False(cent.Holds(0.425m));
        var half = new TickGrid(0.005m);
        Assert.True(half.Holds(0.425m));
        Assert.False(half.Holds(0.4251m));
        Assert.True(new TickGrid(0.001m).Holds(0.425m));
    }

    /// <summary>A price file of ten-minute points: per token, its first time, how many, and the price of point i.</summary>
    private static string Csv(params (string Token, DateTimeOffset From, int Count, Func<int, decimal> Price)[] series)
    {
        var lines = series
            .SelectMany(s => Enumerable.Range(0, s.Count).Select(i => (At: s.From.AddMinutes(10 * i), s.Token, Price: s.Price(i))))
            .OrderBy(p => p.At)
            .Select(p => $"{p.At:yyyy-MM-ddTHH:mm:ssZ},{p.Token},{p.Price}");
        return PriceCsvSource.Header + "\n" + string.Join("\n", lines) + "\n";
    }
}
