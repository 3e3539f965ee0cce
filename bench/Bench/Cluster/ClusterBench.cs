using Microsoft.Extensions.Options;
using Polytraders.Trading.Venues;

namespace Polytraders.Bench.Cluster;

/// <summary>
/// <c>--cluster</c>: in one run, Orleans' raw grain-call and memory-stream rates next to the project's tick path (quiet
/// and trading tapes) and the execution path's orders/s behind a venue with a fixed latency, as the ratios the issue's
/// targets are stated in. The tick path and its baselines share one silo configured as the embedded default; each
/// execution measurement gets a fresh silo, so its first window is a fresh grain's.
/// </summary>
internal static class ClusterBench
{
    public const string MemoryProfile = "in-memory";
    public const string PostgresProfile = "PostgreSQL";

    private static readonly TimeSpan SiloStart = TimeSpan.FromSeconds(60);

    /// <summary>The trading tape: a cent up every four hours of one-minute rounds, a blip every five minutes.</summary>
    private const int DriftStepRounds = 240;
    private const int DriftBlipRounds = 5;

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        try
        {
            var options = ClusterBenchOptions.Parse(args);
            if (ServerGcRelaunch.Needed)
            {
                return await ServerGcRelaunch.RunAsync(args);
            }

            if (options.Postgres is { } database)
            {
                await PostgresPreflight.CheckAsync(database);
            }

            var scenario = new TickScenario();
            var report = new ClusterReport(options, DateTimeOffset.UtcNow);
            output.WriteLine(report.Header(scenario));
            await MeasureTickPathAsync(options, scenario, report, output);
            report.Executions.Add(await MeasureExecutionAsync(options, null, output));
            if (options.Postgres is { } postgres)
            {
                report.Executions.Add(await MeasureExecutionAsync(options, postgres, output));
            }

            report.Print(output);
            return 0;
        }
        catch (BenchFailure failure)
        {
            error.WriteLine($"cluster benchmark failed: {failure.Message}");
            return 1;
        }
    }

    private static async Task MeasureTickPathAsync(ClusterBenchOptions options, TickScenario scenario, ClusterReport report, TextWriter output)
    {
        var counters = new CallCounters();
        // The embedded default's paper venue, counted: how much the trading tape made the system trade.
        var venue = new CountingVenue(new PaperVenue(TimeProvider.System, Options.Create(new PaperVenueOptions())));
        await using var silo = await BenchSilo.StartAsync(postgres: null, venue, counters, SiloStart);
        var rounds = scenario.RoundsFor(options.Ticks);

        report.RawCalls = await RawGrainCalls.MeasureAsync(silo.Grains, options.Callers, warmup: TimeSpan.FromSeconds(1), measured: TimeSpan.FromSeconds(3));
        output.WriteLine($"  raw grain calls: {report.RawCalls.PerSecond:N0} calls/s");

        var raw = await RawStreamBaseline.SubscribeAsync(silo.Grains, counters, scenario, options.Stall);
        var tick = await TickPath.SeedAsync(silo.Grains, counters, scenario, options.Stall);
        // A whole tape each before anything counts: the stream path keeps getting faster for its first hundred thousand
        // deliveries or so, as the JIT recompiles it with what it has seen (tiered compilation, dynamic PGO).
        await raw.RunAsync("raw stream warm-up", TickTape.Quiet, rounds);
        await tick.RunAsync("tick path warm-up", TickTape.Quiet, rounds);

        // Raw and quiet alternate, so a slow stretch of the machine (or of the JIT) costs both alike, and each keeps its
        // best: the rate this code reaches here when nothing else gets in its way.
        for (var i = 1; i <= TickScenario.Repetitions; i++)
        {
            report.RawStreams.Add(Printed(await raw.RunAsync($"raw memory stream ({i})", TickTape.Quiet, rounds), output));
            report.QuietTapes.Add(Printed(await tick.RunAsync($"tick path, quiet tape ({i})", TickTape.Quiet, rounds), output));
        }

        if (counters.IntentsSent > 0)
        {
            throw new BenchFailure($"the quiet tape made the Strategies send {counters.IntentsSent:N0} intents; it is meant to trigger nothing");
        }

        // The trading tapes last: what they leave queued at risk and execution keeps the cores busy after them. A short
        // stretch of each first so risk, execution and the audit trail have run once before the clock starts.
        report.Trading = await MeasureTradingAsync(tick, TickTape.Drifting(stepRounds: DriftStepRounds, blipRounds: DriftBlipRounds), rounds, counters, venue, output);
        report.OrderHeavy = await MeasureTradingAsync(tick, TickTape.Trending(legRounds: 10), rounds, counters, venue, output);
    }

    private static async Task<TradingRun> MeasureTradingAsync(TapeDriver tick, TickTape tape, int rounds, CallCounters counters, CountingVenue venue, TextWriter output)
    {
        await tick.RunAsync($"{tape.Name} tape warm-up", tape, TickScenario.WarmupRounds);
        var (intents, decided, envelopes, signals) = (counters.IntentsSent, counters.IntentsDecided, counters.Envelopes, counters.Signals);
        var (orders, filled) = (venue.Orders, venue.Filled);
        var rate = Printed(await tick.RunAsync($"tick path, {tape.Name} tape", tape, rounds), output);
        return new TradingRun(
            rate,
            counters.IntentsSent - intents,
            counters.IntentsDecided - decided,
            venue.Orders - orders,
            venue.Filled - filled,
            counters.Envelopes - envelopes,
            counters.Signals - signals);
    }

    private static async Task<ExecutionResult> MeasureExecutionAsync(ClusterBenchOptions options, string? postgres, TextWriter output)
    {
        var profile = postgres is null ? MemoryProfile : PostgresProfile;
        var venue = new LatencyVenue(TimeSpan.FromMilliseconds(options.VenueLatencyMs), options.Orders);
        BenchSilo silo;
        try
        {
            silo = await BenchSilo.StartAsync(postgres, venue, new CallCounters(), SiloStart);
        }
        catch (Exception e) when (postgres is not null && e is not BenchFailure)
        {
            throw new BenchFailure($"the PostgreSQL silo did not start ({e.GetType().Name}: {e.Message})");
        }

        await using (silo)
        {
            return await ExecutionPath.RunAsync(silo.Grains, venue, options, profile, output);
        }
    }

    private static DeliveryRate Printed(DeliveryRate rate, TextWriter output)
    {
        output.WriteLine($"  {rate.Name}: {rate.Deliveries:N0} deliveries of {rate.Ticks:N0} ticks in {rate.Elapsed.TotalSeconds:N1} s = {rate.DeliveriesPerSecond:N0}/s on {rate.Cores:0.0} cores; {rate.CpuMicrosecondsPerDelivery:N1} µs cpu and {rate.AllocatedBytesPerDelivery:N0} B allocated per delivery; GC paused {rate.GcPauseShare:P0}, heap {rate.HeapBytes / (1024 * 1024):N0} MB");
        return rate;
    }
}
