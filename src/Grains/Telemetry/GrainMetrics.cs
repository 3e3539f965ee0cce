using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Polytraders.Grains.Telemetry;

/// <summary>
/// The trading figures a silo exports (meter <see cref="MeterName"/>): ticks published and delivered, Signals, intents
/// by outcome, envelopes by reason code, orders in flight, venue and audit-append latency, chain lengths. Tags are
/// bounded (outcomes, registered reason codes, venue operations); ids never become tags, except chain lengths, which
/// are one series per Portfolio chain this silo writes.
/// </summary>
public static class GrainMetrics
{
    public const string MeterName = "Polytraders.Grains";

    public const string OutboxPending = "polytraders.outbox.pending";

    public static readonly Meter Meter = new(MeterName);

    public static readonly UpDownCounter<long> OutboxPendingItems = Meter.CreateUpDownCounter<long>(
        OutboxPending, unit: "{item}", description: "Items grains have decided and queued but not yet delivered (written, audited, sent).");

    public static readonly Counter<long> TicksPublished = Meter.CreateCounter<long>(
        "polytraders.ticks.published", unit: "{tick}", description: "Price updates market grains published to their streams.");

    public static readonly Counter<long> TicksDelivered = Meter.CreateCounter<long>(
        "polytraders.ticks.delivered", unit: "{tick}", description: "Price updates Strategies received for markets in their scope (one per Strategy).");

    public static readonly Counter<long> Signals = Meter.CreateCounter<long>(
        "polytraders.signals", unit: "{signal}", description: "Signals Strategies decided (a score crossing into another zone).");

    public static readonly Counter<long> Intents = Meter.CreateCounter<long>(
        "polytraders.intents", unit: "{intent}", description: "OrderIntents risk decided, by outcome (approved, reshaped, rejected) and reason code.");

    public static readonly Counter<long> Envelopes = Meter.CreateCounter<long>(
        "polytraders.audit.envelopes", unit: "{envelope}", description: "Audit envelopes appended, by reason code: orders by status are the EXEC_ codes.");

    public static readonly Histogram<double> AuditAppendDuration = Meter.CreateHistogram<double>(
        "polytraders.audit.append.duration", unit: "ms", description: "Time to seal and store one batch of envelopes on a chain.");

    public static readonly Histogram<double> VenueDuration = Meter.CreateHistogram<double>(
        "polytraders.venue.duration", unit: "ms", description: "Time the venue took to answer an order submission.");

    private static readonly ConcurrentDictionary<string, long> ChainHeads = new(StringComparer.Ordinal);
    private static int s_ordersInFlight;

    static GrainMetrics()
    {
        Meter.CreateObservableGauge(
            "polytraders.orders.in_flight",
            () => Volatile.Read(ref s_ordersInFlight),
            unit: "{order}",
            description: "Orders signed by this silo's execution grain whose outcome is not yet known.");
        Meter.CreateObservableGauge(
            "polytraders.audit.chain.length",
            () => ChainHeads.Select(c => new Measurement<long>(c.Value, new KeyValuePair<string, object?>("chain", c.Key))),
            unit: "{envelope}",
            description: "Links of each audit chain an activation on this silo writes (its head's sequence).");
    }

    public static void ReportOrdersInFlight(int count) => Volatile.Write(ref s_ordersInFlight, count);

    public static void ReportChainHead(string chainId, long sequence) => ChainHeads[chainId] = sequence;

    /// <summary>The chain's writer left this silo: another silo reports it from now on.</summary>
    public static void ForgetChain(string chainId) => ChainHeads.TryRemove(chainId, out _);
}
