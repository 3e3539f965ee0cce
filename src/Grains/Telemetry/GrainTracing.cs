using System.Diagnostics;

namespace Polytraders.Grains.Telemetry;

/// <summary>
/// Spans of a tick's way through the grains: published by its market grain, decided on by a Strategy, sealed into an
/// audit chain. Orleans carries the trace context across grain calls and stream deliveries, so one trace follows a tick
/// to the envelopes it caused (a batch of envelopes is appended under the trace of the tick that started it).
/// </summary>
public static class GrainTracing
{
    public const string SourceName = "Polytraders.Grains";

    public static readonly ActivitySource Source = new(SourceName);
}
