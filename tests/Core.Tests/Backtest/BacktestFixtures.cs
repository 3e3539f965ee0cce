using System.Runtime.CompilerServices;
using Polytraders.Contracts;
using Polytraders.Trading.Backtest;
using Polytraders.Trading.Backtest.Data;

namespace Polytraders.Core.Tests.Backtest;

/// <summary>The repository's Backtest data set (fixtures/backtest, see its README) and the requests the tests run on it.</summary>
internal static class BacktestFixtures
{
    public const string BtcMarket = "0x5acadb52ea02aa987de72018ef523d80d5c17cca826575ffd570f50902ab33ae";
    public const string EthMarket = "0x955c321b6411bb6380997c90040e7153f1aad0062b8bcc75ad2dbc97f88d49a1";
    public const string SolMarket = "0x5002fbf70c8ca94303026f05ede0d152153721b0ee559df62af95c775dd21003";
    public const string DogeMarket = "0x8c50aaba94f5154b65ff3dbce4514ac408b1af20d56b6dc05c7dee577b0a6a1c";
    public const string FedMarket = "0xecf87bcd77ea8ca4621a51203ab6216100b7021a1ea8f9541da09454d3891810";

    public static string Root([CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "..", "fixtures", "backtest"));

    public static string RepoRoot([CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", ".."));

    public static BacktestDataSet Sample => BacktestDataSet.Open(Root(), "sample");

    public static BacktestDataSet SampleHistory => BacktestDataSet.Open(Root(), "sample-history");

    public static PortfolioConfig Port001 { get; } =
        ContractJson.Deserialize<List<PortfolioConfig>>(File.ReadAllText(Path.Combine(RepoRoot(), "fixtures", "replay", "portfolios.json")))[0];

    public static MomentumParameters Parameters(decimal entry = 0.35m, decimal exit = -0.1m) => new()
    {
        FastLookback = 6,
        SlowLookback = 24,
        EntryThreshold = entry,
        ExitThreshold = exit,
        TakeProfit = 0.2m,
        MaxHoldingMinutes = 1440,
        OrderSize = 600m,
    };

    public static StrategyLaunch Launch(MarketScope? scope = null, MomentumParameters? parameters = null) => new()
    {
        StrategyId = "momentum-backtest-1",
        Family = StrategyLaunchFamily.Momentum,
        Version = "1.0.0",
        Parameters = parameters ?? Parameters(),
        MarketScope = scope ?? new MarketScope { Mode = ScopeMode.Cluster, ClusterId = "crypto" },
        PortfolioId = "PORT-001",
        Mode = LaunchMode.Paper,
    };

    public static BacktestRequest Request(StrategyLaunch? launch = null, BacktestWindow? window = null, BacktestFillModel? fills = null, string dataset = "sample") => new()
    {
        Launch = launch ?? Launch(),
        Portfolio = Port001,
        Data = new BacktestDataReference { Dataset = dataset },
        Window = window,
        Fills = fills,
    };

    public static BacktestResults Run(BacktestRequest request, out IReadOnlyList<string> lines, BacktestDataSet? data = null, string backtestId = "BT-golden-sample")
    {
        data ??= BacktestDataSet.Open(Root(), request.Data.Dataset);
        var plan = BacktestPlan.Create(request, data);
        var settings = BacktestSettings.From(request, backtestId) with { KeepDecisionLines = true };
        var results = Backtests.Run(plan, w => data.OpenSources(w), settings, journal: null, progress: null, CancellationToken.None, out var runner);
        lines = runner.DecisionLines;
        return results;
    }
}
