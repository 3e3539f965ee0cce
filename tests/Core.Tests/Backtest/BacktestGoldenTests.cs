using System.Runtime.CompilerServices;
using Polytraders.Contracts;
using Polytraders.Trading.Momentum;
using Xunit.Abstractions;

namespace Polytraders.Core.Tests.Backtest;

/// <summary>
/// Pins the Backtest of momentum-backtest-1 on the crypto Cluster of the repository's data set (fixtures/backtest/sample:
/// seven days of 10-minute prices, Ethereum leaving and Dogecoin joining the Cluster, Solana resolving) by the hash of
/// its ordered decisions and its headline figures. The decision text is kept beside this file; after an intended change
/// of behaviour run with POLYTRADERS_UPDATE_GOLDEN=1 to rewrite it, then pin what the test prints.
/// </summary>
public class BacktestGoldenTests(ITestOutputHelper output)
{
    private const string PinnedHash = "5dca4455961ebccc6fc9e66c5571d70671386db32cf87be09a424bacfbab5bff";

    private static string GoldenPath([CallerFilePath] string here = "") =>
        Path.Combine(Path.GetDirectoryName(here)!, "Golden", "backtest_sample_crypto.txt");

    [Fact]
    public void backtest_sample_decision_hash_and_headline_metrics()
    {
        var results = BacktestFixtures.Run(BacktestFixtures.Request(), out var lines);
        if (Environment.GetEnvironmentVariable("POLYTRADERS_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(GoldenPath(), string.Concat(lines.Select(l => l + "\n")));
        }

        output.WriteLine(Headline(results));
        if (results.DecisionHash != PinnedHash)
        {
            var expected = File.Exists(GoldenPath()) ? File.ReadAllLines(GoldenPath()) : [];
            var differences = DecisionLog.FirstDifferences(expected, lines);
            Assert.Fail($"The Backtest decided differently: hash {results.DecisionHash}, pinned {PinnedHash}.\n{string.Join("\n", differences)}");
        }

        Assert.Equal(DecisionLog.HashOf(File.ReadAllText(GoldenPath())), results.DecisionHash);
        Assert.Equal(
            "hash=5dca4455961ebccc6fc9e66c5571d70671386db32cf87be09a424bacfbab5bff decisions=528 events=6768 pnl=1244.26671 return=0.049771 " +
            "max_dd=0.016406 max_dd_pusd=419.97145 sharpe=11.529128 sortino=41.969912 days=7 hit=0.222222 turnover=36137.99667 " +
            "hold_min=229.722222 intents=104 orders=104 fills=72 rejections=32 trips=36 " +
            "codes=EXEC_ORDER_FILLED:72,EXEC_ORDER_UNFILLED:32,RISK_APPROVED:54,STRAT_MOMENTUM_EXIT:54,STRAT_MOMENTUM_LONG:50,STRAT_RESHAPED_BY_RISK:50",
            Headline(results));
        Assert.Equal(Badge.Backtest, results.Badge);
        Assert.Equal(25_000m, results.StartingEquity);
        Assert.Equal(results.EndingEquity - results.StartingEquity, results.TotalPnl);
        Assert.Equal(results.TotalPnl, results.Markets.Sum(m => m.Pnl));
    }

    [Fact]
    public void changing_the_momentum_thresholds_changes_the_decision_hash()
    {
        var pinned = BacktestFixtures.Run(BacktestFixtures.Request(), out _);
        var stricter = BacktestFixtures.Run(BacktestFixtures.Request(BacktestFixtures.Launch(parameters: BacktestFixtures.Parameters(entry: 0.5m))), out _);
        var looser = BacktestFixtures.Run(BacktestFixtures.Request(BacktestFixtures.Launch(parameters: BacktestFixtures.Parameters(exit: -0.3m))), out _);

        Assert.Equal(PinnedHash, pinned.DecisionHash);
        Assert.NotEqual(pinned.DecisionHash, stricter.DecisionHash);
        Assert.NotEqual(pinned.DecisionHash, looser.DecisionHash);
        Assert.NotEqual(stricter.DecisionHash, looser.DecisionHash);
        Assert.True(stricter.Intents < pinned.Intents, $"a higher entry threshold enters less often: {stricter.Intents} vs {pinned.Intents}");
    }

    [Fact]
    public void the_same_request_twice_decides_the_same()
    {
        var first = BacktestFixtures.Run(BacktestFixtures.Request(), out var firstLines);
        var second = BacktestFixtures.Run(BacktestFixtures.Request(), out var secondLines);

        Assert.Equal(first.DecisionHash, second.DecisionHash);
        Assert.Equal(firstLines, secondLines);
        Assert.Equal(first.TotalPnl, second.TotalPnl);
    }

    [Fact]
    public void the_golden_text_is_the_pinned_one()
    {
        Assert.Equal(PinnedHash, DecisionLog.HashOf(File.ReadAllText(GoldenPath())));
    }

    /// <summary>The headline figures as one line, so a change shows all of them at once.</summary>
    private static string Headline(BacktestResults r) =>
        $"hash={r.DecisionHash} decisions={r.Decisions} events={r.Events} pnl={r.TotalPnl} return={r.Return} max_dd={r.MaxDrawdown} " +
        $"max_dd_pusd={r.MaxDrawdownPusd} sharpe={r.Sharpe} sortino={r.Sortino} days={r.TradingDays} hit={r.HitRate} turnover={r.Turnover} " +
        $"hold_min={r.AverageHoldingMinutes} intents={r.Intents} orders={r.Orders} fills={r.Fills} rejections={r.Rejections} trips={r.RoundTrips} " +
        $"codes={string.Join(",", r.CountsByReasonCode.Select(c => $"{c.ReasonCode}:{c.Count}"))}";
}
