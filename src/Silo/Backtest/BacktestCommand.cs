using System.Diagnostics;
using System.Globalization;
using Polytraders.Contracts;
using Polytraders.Trading.Backtest;
using Polytraders.Trading.Backtest.Data;
using Polytraders.Trading.Backtest.Report;

namespace Polytraders.Silo.Backtest;

/// <summary>
/// <c>Polytraders.Silo backtest ...</c>: runs a Backtest in this process, without a cluster, through the same runner the
/// Backtest grain uses. Shows a progress bar, prints a summary table, writes a self-contained HTML report (and the
/// results as JSON when asked). Exit codes: 0 done (also for <c>--help</c>), 1 refused or bad data (the reason code is
/// printed), 64 usage. Data sets are looked for in <c>--data-dir</c>, else in <c>Backtest:DataDirectory</c> of the
/// configuration the silo's tools read (appsettings, environment: <c>Backtest__DataDirectory</c>), else the defaults of
/// <see cref="BacktestDataDirectory"/>.
/// </summary>
public static class BacktestCommand
{
    public const string Usage = """
        usage: Polytraders.Silo backtest --request <BacktestRequest.json> [options]
               Polytraders.Silo backtest --launch <StrategyLaunch.json> --portfolio <PortfolioConfig.json> --dataset <name> [options]
               Polytraders.Silo backtest --synthetic <markets>x<days> [--launch ...] [--portfolio ...] [options]
          --data-dir <dir>            where data sets live (default: Backtest:DataDirectory, backtest/ beside the binaries, fixtures/backtest)
          --days <n> | --start <t> --end <t>   the window (default: the last 180 days of the data; more than 180 is refused)
          --fills next_observation|decision_price   --slippage-ticks <n>   --fee-bps <n>
          --report <file.html>        HTML report (default: backtest-<id>.html in the working directory; --report - for none)
          --json <file.json>          the BacktestResults document
          --id <BT-...>               the run's id (default: BT-cli-<utc time>)
          --help                      this text
        --synthetic 50x180 generates 50 markets of one-minute prices over 180 days (deterministic), for load runs;
        a request (or POST /api/v1/backtests) names the same prices as the data set synthetic-50x180.
        """;

    private static readonly string[] Known =
    [
        "--request", "--launch", "--portfolio", "--dataset", "--synthetic", "--data-dir", "--days", "--start", "--end",
        "--fills", "--slippage-ticks", "--fee-bps", "--report", "--json", "--id",
    ];

    private static readonly string[] HelpFlags = ["--help", "-h"];

    public static async Task<int> RunAsync(string[] args, IConfiguration configuration, TextWriter output, TextWriter error)
    {
        // Asking for help is never a usage error, wherever it stands (the option parser would read it as a name wanting a value).
        if (args.Any(HelpFlags.Contains))
        {
            await output.WriteLineAsync(Usage);
            return 0;
        }

        Dictionary<string, string> options;
        try
        {
            options = CommandLineOptions.Parse(args, Known);
        }
        catch (ArgumentException e)
        {
            await error.WriteLineAsync(e.Message);
            await error.WriteLineAsync(Usage);
            return 64;
        }

        var id = options.GetValueOrDefault("--id") ?? $"BT-cli-{DateTime.UtcNow:yyyyMMdd-HHmmss}";
        try
        {
            var (request, plan, open, label) = Prepare(options, configuration);
            var settings = BacktestSettings.From(request, id);
            await output.WriteLineAsync($"BACKTEST {id}: {request.Launch.StrategyId} on {label}, {plan.WindowStart:yyyy-MM-dd HH:mm} .. {plan.WindowEnd:yyyy-MM-dd HH:mm} UTC, fills {settings.FillTiming}");
            var bar = new ProgressBar(output, interactive: !Console.IsOutputRedirected && ReferenceEquals(output, Console.Out));
            var clock = Stopwatch.StartNew();
            var results = Backtests.Run(plan, open, settings, journal: null, bar.Report, CancellationToken.None, out _);
            clock.Stop();
            bar.Done(results.Events, clock.Elapsed);
            await output.WriteLineAsync(Summary(results, clock.Elapsed));
            await WriteOutputs(options, results, id, request, label, output);
            return 0;
        }
        catch (BacktestException refused)
        {
            await error.WriteLineAsync($"BACKTEST {id} refused: {refused.ReasonCode}: {refused.Message}");
            return 1;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.Json.JsonException)
        {
            await error.WriteLineAsync($"BACKTEST {id}: cannot read the input: {e.Message}");
            return 1;
        }
        catch (ArgumentException e)
        {
            await error.WriteLineAsync(e.Message);
            await error.WriteLineAsync(Usage);
            return 64;
        }
    }

    /// <summary>The summary table: one figure per row, BACKTEST on top.</summary>
    public static string Summary(BacktestResults r, TimeSpan elapsed)
    {
        var rows = new List<(string, string)>
        {
            ("badge", "BACKTEST"),
            ("backtest id", r.BacktestId),
            ("window", $"{r.WindowStart:yyyy-MM-dd HH:mm} .. {r.WindowEnd:yyyy-MM-dd HH:mm} UTC"),
            ("events", $"{r.Events:N0} in {elapsed.TotalSeconds:0.00} s ({(elapsed.TotalSeconds > 0 ? r.Events / elapsed.TotalSeconds : 0):N0}/s)"),
            ("decision hash", r.DecisionHash),
            ("decisions", r.Decisions.ToString("N0", CultureInfo.InvariantCulture)),
            ("total PnL (pUSD)", Money(r.TotalPnl)),
            ("return", Percent(r.Return)),
            ("ending equity", Money(r.EndingEquity)),
            ("max drawdown", $"{Percent(r.MaxDrawdown)} ({Money(r.MaxDrawdownPusd)} pUSD)"),
            ("sharpe / sortino", $"{Ratio(r.Sharpe)} / {Ratio(r.Sortino)} over {r.TradingDays} days"),
            ("hit rate", r.HitRate is { } hit ? Percent(hit) : "-"),
            ("turnover / fees", $"{Money(r.Turnover)} / {Money(r.Fees)} pUSD"),
            ("avg holding", r.AverageHoldingMinutes is { } m ? $"{m:0.#} min" : "-"),
            ("intents / orders / fills", $"{r.Intents:N0} / {r.Orders:N0} / {r.Fills:N0}"),
            ("rejections / round trips", $"{r.Rejections:N0} / {r.RoundTrips:N0}"),
        };
        rows.AddRange(r.CountsByReasonCode.Select(c => ($"  {c.ReasonCode}", c.Count.ToString("N0", CultureInfo.InvariantCulture))));
        var width = rows.Max(row => row.Item1.Length);
        var valueWidth = rows.Max(row => row.Item2.Length);
        var line = "+" + new string('-', width + 2) + "+" + new string('-', valueWidth + 2) + "+";
        var table = new System.Text.StringBuilder().AppendLine(line);
        foreach (var (name, value) in rows)
        {
            table.AppendLine(CultureInfo.InvariantCulture, $"| {name.PadRight(width)} | {value.PadLeft(valueWidth)} |");
        }

        return table.Append(line).ToString();
    }

    private static async Task WriteOutputs(Dictionary<string, string> options, BacktestResults results, string id, BacktestRequest request, string label, TextWriter output)
    {
        var report = options.GetValueOrDefault("--report") ?? $"backtest-{id}.html";
        if (report != "-")
        {
            var description = $"{request.Launch.StrategyId} {request.Launch.Version} on {label}; Portfolio config {request.Portfolio.PortfolioId} (bankroll {request.Portfolio.Bankroll} pUSD).";
            await File.WriteAllTextAsync(report, BacktestReport.Render(results, request.Launch.StrategyId, description));
            await output.WriteLineAsync($"report: {Path.GetFullPath(report)}");
        }

        if (options.GetValueOrDefault("--json") is { } json)
        {
            await File.WriteAllTextAsync(json, ContractJson.Serialize(results));
            await output.WriteLineAsync($"results: {Path.GetFullPath(json)}");
        }
    }

    private static (BacktestRequest Request, BacktestPlan Plan, Func<BacktestDataWarnings, IReadOnlyList<IPriceSource>> Open, string Label) Prepare(Dictionary<string, string> options, IConfiguration configuration)
    {
        BacktestRequest? request = options.TryGetValue("--request", out var requestPath)
            ? ContractJson.Deserialize<BacktestRequest>(File.ReadAllText(requestPath))
            : null;
        var launch = options.TryGetValue("--launch", out var launchPath) ? ContractJson.Deserialize<StrategyLaunch>(File.ReadAllText(launchPath)) : request?.Launch;
        var portfolio = options.TryGetValue("--portfolio", out var portfolioPath) ? ReadPortfolio(portfolioPath) : request?.Portfolio;
        var fills = request?.Fills ?? new BacktestFillModel();
        fills = fills with
        {
            Timing = options.TryGetValue("--fills", out var timing) ? ParseTiming(timing) : fills.Timing,
            SlippageTicks = options.TryGetValue("--slippage-ticks", out var slippage) ? Integer(slippage, "--slippage-ticks") : fills.SlippageTicks,
            FeeBps = options.TryGetValue("--fee-bps", out var fee) ? Integer(fee, "--fee-bps") : fills.FeeBps,
        };
        var window = request?.Window;
        if (options.ContainsKey("--days") || options.ContainsKey("--start") || options.ContainsKey("--end"))
        {
            window = new BacktestWindow
            {
                Days = options.TryGetValue("--days", out var days) ? Integer(days, "--days") : null,
                Start = options.TryGetValue("--start", out var start) ? Instant(start, "--start") : null,
                End = options.TryGetValue("--end", out var end) ? Instant(end, "--end") : null,
            };
        }

        if (options.TryGetValue("--synthetic", out var synthetic))
        {
            return Synthetic(synthetic, launch, portfolio, window, fills);
        }

        var dataset = options.GetValueOrDefault("--dataset") ?? request?.Data.Dataset
            ?? throw new ArgumentException("backtest needs --request, or --launch, --portfolio and --dataset.");
        if (launch is null || portfolio is null)
        {
            throw new ArgumentException("backtest needs --request, or --launch, --portfolio and --dataset.");
        }

        request = new BacktestRequest { Launch = launch, Portfolio = portfolio, Data = new BacktestDataReference { Dataset = dataset }, Window = window, Fills = fills };
        var root = options.GetValueOrDefault("--data-dir") is { } dir ? Path.GetFullPath(dir) : BacktestDataDirectory.Resolve(configuration[BacktestDataDirectory.Key]);
        var data = BacktestDataSet.Open(root, dataset);
        return (request, BacktestPlan.Create(request, data), data.OpenSources, $"data set '{dataset}' ({root})");
    }

    /// <summary>The generated data set of that shape (see <see cref="SyntheticShape"/>) on its Cluster scope: load runs.</summary>
    private static (BacktestRequest, BacktestPlan, Func<BacktestDataWarnings, IReadOnlyList<IPriceSource>>, string) Synthetic(
        string text, StrategyLaunch? launch, PortfolioConfig? portfolio, BacktestWindow? window, BacktestFillModel fills)
    {
        if (!SyntheticShape.TryParse(text, out var shape))
        {
            throw new ArgumentException($"--synthetic is <markets>x<days>, e.g. 50x180 (at most {SyntheticShape.MaxMarkets} markets and {SyntheticShape.MaxDays} days).");
        }

        var data = BacktestDataSet.Synthetic(shape);
        launch = (launch ?? SyntheticPrices.LoadLaunch()) with { MarketScope = new MarketScope { Mode = ScopeMode.Cluster, ClusterId = SyntheticPrices.ClusterId } };
        portfolio ??= SyntheticPrices.LoadPortfolio();
        launch = launch with { PortfolioId = portfolio.PortfolioId };
        var request = new BacktestRequest { Launch = launch, Portfolio = portfolio, Data = new BacktestDataReference { Dataset = shape.Name }, Window = window, Fills = fills };
        return (request, BacktestPlan.Create(request, data), data.OpenSources, $"{shape.Markets} synthetic markets x {shape.Days} days of one-minute prices");
    }

    private static PortfolioConfig ReadPortfolio(string path)
    {
        var text = File.ReadAllText(path).TrimStart();
        return text.StartsWith('[') ? ContractJson.Deserialize<List<PortfolioConfig>>(text)[0] : ContractJson.Deserialize<PortfolioConfig>(text);
    }

    private static BacktestFillModelTiming ParseTiming(string text) => text switch
    {
        "next_observation" => BacktestFillModelTiming.NextObservation,
        "decision_price" => BacktestFillModelTiming.DecisionPrice,
        _ => throw new ArgumentException("--fills is next_observation or decision_price."),
    };

    private static long Integer(string text, string name) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : throw new ArgumentException($"{name} needs a whole number.");

    private static DateTimeOffset Instant(string text, string name) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value) ? value.ToUniversalTime() : throw new ArgumentException($"{name} needs an RFC 3339 time.");

    private static string Money(decimal value) => value.ToString("#,##0.00####", CultureInfo.InvariantCulture);

    private static string Percent(decimal value) => (value * 100m).ToString("0.###", CultureInfo.InvariantCulture) + " %";

    private static string Ratio(decimal? value) => value?.ToString("0.###", CultureInfo.InvariantCulture) ?? "-";

    /// <summary>A one-line progress bar: redrawn in place on a terminal, a line per 10 % when the output is a file or pipe.</summary>
    private sealed class ProgressBar(TextWriter output, bool interactive)
    {
        private const int Width = 30;
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private decimal _lastPrinted = -10m;

        public void Report(BacktestProgress progress)
        {
            if (!interactive && progress.Percent < _lastPrinted + 10m)
            {
                return;
            }

            _lastPrinted = progress.Percent;
            var filled = (int)Math.Clamp(progress.Percent / 100m * Width, 0, Width);
            var rate = _clock.Elapsed.TotalSeconds > 0 ? progress.Events / _clock.Elapsed.TotalSeconds : 0;
            var text = $"[{new string('#', filled)}{new string('.', Width - filled)}] {progress.Percent,5:0.0} %  {progress.Events,12:N0} events  {rate / 1e6,5:0.00} M/s  {progress.SimulatedTime:yyyy-MM-dd}";
            if (interactive)
            {
                output.Write("\r" + text);
            }
            else
            {
                output.WriteLine(text);
            }
        }

        public void Done(long events, TimeSpan elapsed)
        {
            if (interactive)
            {
                output.WriteLine();
            }

            output.WriteLine($"done: {events:N0} events in {elapsed.TotalSeconds:0.00} s");
        }
    }
}
