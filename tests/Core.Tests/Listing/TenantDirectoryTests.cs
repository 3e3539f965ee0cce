using Polytraders.Contracts;
using Polytraders.Trading.Listing;

namespace Polytraders.Core.Tests.Listing;

public class TenantDirectoryTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    private static TenantDirectory Empty() => new([], [], []);

    private static PortfolioSummary Portfolio(int n, PortfolioSummaryStatus status = PortfolioSummaryStatus.Active, LaunchMode? mode = null) => new()
    {
        PortfolioId = $"PORT-{n:D3}",
        TenantId = "TEN-DESK",
        Name = $"Portfolio {n}",
        Status = status,
        Mode = mode,
        BoundStrategyId = mode is null ? null : $"strategy-{n}",
    };

    private static StrategySummary Strategy(int n, string portfolioId, StrategySummaryStatus status = StrategySummaryStatus.Running) => new()
    {
        StrategyId = $"strategy-{n}",
        PortfolioId = portfolioId,
        TenantId = "TEN-DESK",
        Status = status,
        BotId = "momentum-v1",
        Mode = LaunchMode.Paper,
        LaunchedAt = Start.AddMinutes(n),
    };

    [Fact]
    public void portfolios_filter_by_status_and_by_the_running_launch_s_mode()
    {
        var directory = Empty();
        directory.Put(Portfolio(1, mode: LaunchMode.Paper));
        directory.Put(Portfolio(2, PortfolioSummaryStatus.Suspended));
        directory.Put(Portfolio(3, mode: LaunchMode.LimitedLive));

        Assert.Equal(["PORT-001", "PORT-003"], directory.Portfolios(PortfolioSummaryStatus.Active, null, null, 50).Items.Select(p => p.PortfolioId));
        Assert.Equal(["PORT-003"], directory.Portfolios(null, LaunchMode.LimitedLive, null, 50).Items.Select(p => p.PortfolioId));
    }

    [Fact]
    public void a_new_portfolio_beyond_the_tenant_s_bound_is_refused_and_a_known_one_still_updates()
    {
        var directory = Empty();
        for (var n = 1; n <= TenantDirectory.MaxPortfolios; n++)
        {
            Assert.True(directory.Put(Portfolio(n)));
        }

        Assert.False(directory.Put(Portfolio(TenantDirectory.MaxPortfolios + 1)));
        Assert.True(directory.Put(Portfolio(7, PortfolioSummaryStatus.Closed)));
        Assert.Equal(["PORT-007"], directory.Portfolios(PortfolioSummaryStatus.Closed, null, null, 50).Items.Select(p => p.PortfolioId));
    }

    [Fact]
    public void strategies_filter_by_portfolio_status_and_bot_and_a_stop_is_kept()
    {
        var directory = Empty();
        directory.Put(Strategy(1, "PORT-001"));
        directory.Put(Strategy(2, "PORT-002"));
        directory.Stopped("strategy-2");
        directory.Stopped("strategy-9");

        Assert.Equal(["strategy-1"], directory.Strategies("PORT-001", null, null, null, 50).Items.Select(s => s.StrategyId));
        Assert.Equal(["strategy-2"], directory.Strategies(null, StrategySummaryStatus.Stopped, null, null, 50).Items.Select(s => s.StrategyId));
        Assert.Equal(2, directory.Strategies(null, null, "momentum-v1", null, 50).Items.Count);
        Assert.Empty(directory.Strategies(null, null, "other-bot", null, 50).Items);
    }

    [Fact]
    public void past_its_bound_the_strategy_launched_longest_ago_leaves_the_list()
    {
        var directory = Empty();
        for (var n = 1; n <= TenantDirectory.MaxStrategies + 1; n++)
        {
            directory.Put(Strategy(n, "PORT-001"));
        }

        var first = directory.Strategies(null, null, null, null, 100).Items;
        Assert.DoesNotContain(first, s => s.StrategyId == "strategy-1");
        Assert.Contains(first, s => s.StrategyId == "strategy-10");
    }

    [Fact]
    public void backtests_are_listed_newest_first_filtered_and_bounded_to_the_newest()
    {
        var directory = Empty();
        for (var n = 1; n <= TenantDirectory.MaxBacktests + 1; n++)
        {
            directory.Put(new BacktestSummary
            {
                BacktestId = $"BT-20261201-{n:D12}",
                StrategyId = n % 2 == 0 ? "even-strategy" : "odd-strategy",
                PortfolioId = "PORT-001",
                Dataset = "sample",
                Status = n == 3 ? BacktestSummaryStatus.Failed : BacktestSummaryStatus.Completed,
                RequestedBy = "alice",
                RequestedAt = Start.AddMinutes(n),
            });
        }

        var newest = directory.Backtests(null, null, null, 2);
        Assert.Equal(Badge.Backtest, newest.Badge);
        Assert.Equal([$"BT-20261201-{1001:D12}", $"BT-20261201-{1000:D12}"], newest.Items.Select(b => b.BacktestId));
        Assert.Equal(["BT-20261201-000000000003"], directory.Backtests(null, BacktestSummaryStatus.Failed, null, 50).Items.Select(b => b.BacktestId));
        Assert.All(directory.Backtests("even-strategy", null, null, 100).Items, b => Assert.Equal("even-strategy", b.StrategyId));
        Assert.Null(directory.Backtests(null, null, "BT-20261201-000000000003", 100).NextAfter);
        Assert.Equal(["BT-20261201-000000000002"], directory.Backtests(null, null, "BT-20261201-000000000003", 100).Items.Select(b => b.BacktestId));
        Assert.Empty(directory.Backtests(null, null, "BT-20261201-000000000001", 100).Items);
    }

    [Fact]
    public void backtests_are_ordered_by_when_they_were_requested_not_by_their_random_id_suffix()
    {
        var directory = Empty();
        foreach (var (id, minute) in new[] { ("BT-20261201-ffffffffffff", 1), ("BT-20261201-000000000000", 2), ("BT-20261201-888888888888", 3) })
        {
            directory.Put(new BacktestSummary
            {
                BacktestId = id,
                StrategyId = "momentum-crypto-1",
                PortfolioId = "PORT-001",
                Dataset = "sample",
                Status = BacktestSummaryStatus.Completed,
                RequestedBy = "alice",
                RequestedAt = Start.AddMinutes(minute),
            });
        }

        var first = directory.Backtests(null, null, null, 2);
        var second = directory.Backtests(null, null, first.NextAfter, 2);

        Assert.Equal(["BT-20261201-888888888888", "BT-20261201-000000000000"], first.Items.Select(b => b.BacktestId));
        Assert.Equal("BT-20261201-000000000000", first.NextAfter);
        Assert.Equal(["BT-20261201-ffffffffffff"], second.Items.Select(b => b.BacktestId));
        Assert.Null(second.NextAfter);
    }
}
