using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Polytraders.Contracts;
using Polytraders.Trading.Backtest;
using Polytraders.Trading.Backtest.Data;

namespace Polytraders.Bench;

/// <summary>
/// The Backtest load: 180 days × 50 markets of one-minute prices (12 960 000 points, generated deterministically by
/// <see cref="SyntheticPrices"/>) through the whole runner — k-way merge, the momentum core, risk, simulated fills,
/// ledger and decision hash — on one thread. Reported per run: wall time, events/s and the process's peak working set
/// (in-process toolchain, so the figure is this process's). Run:
/// <c>dotnet run -c Release --project bench/Bench -- --filter '*BacktestLoad*'</c>.
/// </summary>
[Config(typeof(BacktestLoadConfig))]
public class BacktestLoadBenchmarks
{
    public const int Markets = 50;
    public const int Days = 180;
    public const long Events = (long)Markets * Days * 1440;

    [Params("trading", "quiet")]
    public string Tape { get; set; } = "trading";

    [Benchmark]
    public string Run180DaysOf50Markets() => BacktestLoad.Run(Markets, Days, quiet: Tape == "quiet").DecisionHash;

    private sealed class BacktestLoadConfig : ManualConfig
    {
        public BacktestLoadConfig()
        {
            AddJob(Job.Default
                .WithToolchain(InProcessEmitToolchain.Instance)
                .WithStrategy(RunStrategy.Monitoring)
                .WithLaunchCount(1)
                .WithWarmupCount(1)
                .WithIterationCount(3)
                .WithInvocationCount(1)
                .WithUnrollFactor(1));
            AddColumn(new EventsPerSecondColumn(), new PeakWorkingSetColumn());
            AddDiagnoser(BenchmarkDotNet.Diagnosers.MemoryDiagnoser.Default);
        }
    }

    private sealed class EventsPerSecondColumn : IColumn
    {
        public string Id => nameof(EventsPerSecondColumn);

        public string ColumnName => "Events/s";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => $"price points processed per second ({Events:N0} per run)";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) =>
            summary[benchmarkCase]?.ResultStatistics is { } stats ? (Events / (stats.Mean / 1e9)).ToString("N0", CultureInfo.InvariantCulture) : "-";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public bool IsAvailable(Summary summary) => true;
    }

    private sealed class PeakWorkingSetColumn : IColumn
    {
        public string Id => nameof(PeakWorkingSetColumn);

        public string ColumnName => "Peak WS";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 1;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => "peak working set of the benchmark process (in-process toolchain: includes BenchmarkDotNet itself)";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => $"{Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MB";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public bool IsAvailable(Summary summary) => true;
    }
}

/// <summary>
/// The load run itself, usable without BenchmarkDotNet: <see cref="Print"/> prints events/s, wall time, peak working
/// set and allocations (the <c>--backtest-load</c> mode). The trading tape runs twice: cold, in a fresh process as
/// the CLI runs it (the JIT compiles as it goes), then warm, as a silo that has run Backtests before; the quiet tape
/// runs warm.
/// </summary>
public static class BacktestLoad
{
    public static BacktestResults Run(int markets, int days, bool quiet)
    {
        var list = SyntheticPrices.Markets(markets);
        var start = SyntheticPrices.DefaultStart;
        var load = SyntheticPrices.LoadLaunch();
        var launch = quiet
            ? load with { Parameters = load.Parameters with { EntryThreshold = 1m, ExitThreshold = -1m } }
            : load;
        var portfolio = SyntheticPrices.LoadPortfolio();
        var plan = BacktestPlan.Create(launch, portfolio, list, [SyntheticPrices.Cluster(list)], [], start, start.AddMinutes((days * 1440) - 1));
        return Backtests.Run(plan, _ => SyntheticPrices.Sources(markets, days * 1440, seed: 20260101), new BacktestSettings { BacktestId = "BT-load-180x50" }, null, null, CancellationToken.None, out _);
    }

    public static int Print(TextWriter output, int markets = BacktestLoadBenchmarks.Markets, int days = BacktestLoadBenchmarks.Days)
    {
        foreach (var (quiet, phase) in new[] { (false, "cold"), (false, "warm"), (true, "warm") })
        {
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var clock = Stopwatch.StartNew();
            var results = Run(markets, days, quiet);
            clock.Stop();
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"backtest-load {(quiet ? "quiet" : "trading")} ({phase}): {results.Events:N0} events ({markets} markets x {days} days, 1-minute) in {clock.Elapsed.TotalSeconds:0.00} s = {results.Events / clock.Elapsed.TotalSeconds:N0} events/s; " +
                $"decisions {results.Decisions:N0}, intents {results.Intents:N0}, fills {results.Fills:N0}; allocated {(GC.GetTotalAllocatedBytes(precise: true) - allocated) / (1024 * 1024):N0} MB; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MB; hash {results.DecisionHash}"));
        }

        return 0;
    }
}
