using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;

namespace Polytraders.Bench.Cluster;

/// <summary>
/// The one table a run prints: every figure of this run, and the ratios the issue's targets are stated in. Only ratios
/// within one run compare across machines (they differ twofold in speed), so every baseline is measured in the same
/// run. The cpu column is the cores this process kept busy: well under the machine's count means other processes took
/// the rest, and the figure on that row is low for that reason.
/// </summary>
internal sealed class ClusterReport(ClusterBenchOptions options, DateTimeOffset startedAt)
{
    /// <summary>Trading-tape delivery over raw memory-stream delivery, same run, same shape.</summary>
    public const double TradingTarget = 0.50;

    public const double MemoryOrdersTarget = 350;

    public const double PostgresOrdersTarget = 100;

    /// <summary>The rate after the run's orders within 10% of a fresh grain's.</summary>
    public const double LastOverFirstTarget = 0.90;

    private static readonly Row Titles = new("figure", "rate", "cpu", "ratio", "target");

    private readonly List<Row> _rows = [];
    private readonly List<string> _notes = [];

    public (double PerSecond, double Cores) RawCalls { get; set; }

    public List<DeliveryRate> RawStreams { get; } = [];

    public List<DeliveryRate> QuietTapes { get; } = [];

    /// <summary>The tape the target is stated for: trading with Signals most of what is recorded, as the issue measured.</summary>
    public TradingRun? Trading { get; set; }

    /// <summary>A stress tape with an intent on about one tick in five per market: no target, the cost of trading itself.</summary>
    public TradingRun? OrderHeavy { get; set; }

    public List<ExecutionResult> Executions { get; } = [];

    public string Header(TickScenario scenario) => Invariant(
        $"""
        Polytraders cluster benchmark, {startedAt:yyyy-MM-dd HH:mm} UTC
        machine: {Environment.ProcessorCount} processors, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, {(GCSettings.IsServerGC ? "server" : "workstation")} GC{(LoadAverage() is { } load ? $", load average {load:0.00} at start" : "")}{Busy()}
        shape: {scenario.Shape}; {options.Ticks:N0} ticks per tape; {options.Callers} callers; venue latency {options.VenueLatencyMs} ms; orders {options.Orders:N0}{(options.BudgetSeconds is { } budget ? $" or {budget} s of sending, whichever comes first" : "")}
        """);

    public void Print(TextWriter output)
    {
        Build();
        var table = _rows.Prepend(Titles).ToList();
        var widths = new[]
        {
            table.Max(r => r.Figure.Length),
            table.Max(r => r.Rate.Length),
            table.Max(r => r.Cpu.Length),
            table.Max(r => r.Ratio.Length),
        };
        output.WriteLine();
        foreach (var row in table)
        {
            output.WriteLine($"{row.Figure.PadRight(widths[0])}  {row.Rate.PadLeft(widths[1])}  {row.Cpu.PadLeft(widths[2])}  {row.Ratio.PadRight(widths[3])}  {row.Target}".TrimEnd());
        }

        foreach (var note in _notes)
        {
            output.WriteLine(note);
        }
    }

    private void Build()
    {
        _rows.Add(new Row($"raw grain calls ({options.Callers} callers)", Rate(RawCalls.PerSecond, "calls/s"), Cores(RawCalls.Cores), "", ""));
        if (Best(RawStreams) is { } raw)
        {
            _rows.Add(new Row("raw memory-stream delivery", Deliveries(raw), Cores(raw.Cores), "1.00 (baseline)", ""));
            _notes.Add($"raw memory stream and quiet tape: the best of {RawStreams.Count} alternating runs each (raw {Rates(RawStreams)}; quiet {Rates(QuietTapes)} deliveries/s)");
            if (Best(QuietTapes) is { } quiet)
            {
                _rows.Add(new Row("tick path, quiet tape", Deliveries(quiet), Cores(quiet.Cores), Ratio(quiet.DeliveriesPerSecond / raw.DeliveriesPerSecond, "of raw stream"), ""));
            }

            if (Trading is { } trading)
            {
                var ratio = trading.Rate.DeliveriesPerSecond / raw.DeliveriesPerSecond;
                _rows.Add(new Row("tick path, trading tape", Deliveries(trading.Rate), Cores(trading.Rate.Cores), Ratio(ratio, "of raw stream"), Target(ratio, TradingTarget, Invariant($">= {TradingTarget:0.00}"))));
                _notes.Add($"trading tape: {trading.Activity}");
                _notes.Add(Invariant($"trading tape, cpu per delivery (holds on a busy machine where rates do not): {trading.Rate.CpuMicrosecondsPerDelivery:N1} µs against the raw stream's {raw.CpuMicrosecondsPerDelivery:N1} µs = {raw.CpuMicrosecondsPerDelivery / trading.Rate.CpuMicrosecondsPerDelivery:0.00} of raw; {trading.Rate.AllocatedBytesPerDelivery:N0} B against {raw.AllocatedBytesPerDelivery:N0} B allocated"));
            }

            if (OrderHeavy is { } heavy)
            {
                var ratio = heavy.Rate.DeliveriesPerSecond / raw.DeliveriesPerSecond;
                _rows.Add(new Row("tick path, order-heavy tape", Deliveries(heavy.Rate), Cores(heavy.Rate.Cores), Ratio(ratio, "of raw stream"), "stress, no target"));
                _notes.Add($"order-heavy tape: {heavy.Activity}");
            }
        }

        foreach (var run in Executions)
        {
            var target = run.Profile == ClusterBench.PostgresProfile ? PostgresOrdersTarget : MemoryOrdersTarget;
            _rows.Add(new Row(
                $"execution, {run.Profile}, {options.VenueLatencyMs} ms venue",
                Rate(run.OrdersPerSecond, "orders/s", decimals: 1),
                Cores(run.Cores),
                Ratio(run.OrdersPerSecond / target, Invariant($"of {target:0}/s")),
                Target(run.OrdersPerSecond, target, Invariant($">= {target:0}/s"))));
            _rows.Add(new Row(
                Invariant($"  first / last {run.Windows.Size:N0} orders"),
                Invariant($"{run.Windows.First:N1} / {run.Windows.Last:N1} orders/s"),
                "",
                Ratio(run.Windows.LastOverFirst, "last/first"),
                Target(run.Windows.LastOverFirst, LastOverFirstTarget, Invariant($">= {LastOverFirstTarget:0.00} after {ClusterBenchOptions.DefaultOrders:N0} orders"))));
            if (run.StoppedByBudget)
            {
                _notes.Add(Invariant($"execution, {run.Profile}: stopped sending after the {options.BudgetSeconds} s budget, at {run.Completed:N0} of {run.Requested:N0} orders (all answered and booked): its last window is after {run.Completed:N0} orders"));
            }
        }
    }

    private static DeliveryRate? Best(List<DeliveryRate> runs) => runs.MaxBy(r => r.DeliveriesPerSecond);

    private static string Rates(List<DeliveryRate> runs) => string.Join(" / ", runs.Select(r => Rate(r.DeliveriesPerSecond, "").TrimEnd()));

    /// <summary>The 1-minute load average as the run starts (Linux; null elsewhere).</summary>
    private static double? LoadAverage()
    {
        const string LoadAverageFile = "/proc/loadavg";
        return File.Exists(LoadAverageFile) && double.TryParse(File.ReadAllText(LoadAverageFile).Split(' ')[0], CultureInfo.InvariantCulture, out var load) ? load : null;
    }

    /// <summary>Above one runnable thread per processor other work shares the machine, and every figure of the run suffers.</summary>
    private static string Busy() => LoadAverage() is { } load && load >= Environment.ProcessorCount
        ? "\nWARNING: other processes keep this machine busy; figures are low and ratios noisy (see the cpu column)"
        : "";

    private static string Rate(double value, string unit, int decimals = 0) =>
        $"{value.ToString(decimals == 0 ? "N0" : "N1", CultureInfo.InvariantCulture)} {unit}";

    private static string Deliveries(DeliveryRate rate) => Invariant($"{rate.DeliveriesPerSecond:N0} deliveries/s ({rate.TicksPerSecond:N0} ticks/s)");

    private static string Cores(double value) => Invariant($"{value:0.0} cores");

    private static string Ratio(double value, string of) => Invariant($"{value:0.00} {of}");

    private static string Target(double value, double target, string stated) => $"{stated}: {(value >= target ? "met" : "NOT met")}";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed record Row(string Figure, string Rate, string Cpu, string Ratio, string Target);
}
