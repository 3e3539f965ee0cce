using System.Diagnostics;

namespace Polytraders.Grains.Telemetry;

/// <summary>
/// Spans of a tick's way through the grains: published by its market grain, decided on by a Strategy, sealed into an
/// audit chain. Orleans carries the trace context across grain calls, so a decision and the audit append of its
/// envelopes are one trace (a batch is appended under the trace of the decision that started it). The memory streams
/// do not carry it from the publish to the delivery: a publish is a trace of its own.
/// </summary>
public static class GrainTracing
{
    public const string SourceName = "Polytraders.Grains";

    public static readonly ActivitySource Source = new(SourceName);
}
