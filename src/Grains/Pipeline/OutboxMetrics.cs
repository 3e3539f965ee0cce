using System.Diagnostics.Metrics;

namespace Polytraders.Grains.Pipeline;

/// <summary>The grains' outbox figures: how much has been decided and not yet delivered, across the silo.</summary>
public static class OutboxMetrics
{
    public const string MeterName = "Polytraders.Grains";

    public const string PendingItems = "polytraders.outbox.pending";

    public static readonly Meter Meter = new(MeterName);
}
