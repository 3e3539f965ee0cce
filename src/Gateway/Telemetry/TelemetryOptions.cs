namespace Polytraders.Gateway.Telemetry;

/// <summary>Where metrics and traces go besides <c>/metrics</c> (configuration section <c>Telemetry</c>).</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>An OTLP collector (e.g. <c>http://127.0.0.1:4317</c>) that gets metrics and traces; unset: none is sent.</summary>
    public Uri? OtlpEndpoint { get; set; }

    /// <summary>
    /// Hosts the Orleans dashboard on <c>/dashboard</c> (operators only). Off unless set: it profiles every grain call,
    /// a cost on the tick path a production silo need not pay; the development settings turn it on.
    /// </summary>
    public bool Dashboard { get; set; }
}
