namespace Polytraders.Trading.Intelligence;

/// <summary>
/// Turns market data into one observation. Sensors are stateful per market, O(1) per tick and allocation-free:
/// the pipeline calls <see cref="Observe"/> once per tick, then valuators read <see cref="Current"/>. A base class
/// rather than an interface because the tick path reads <see cref="Current"/> a score of times: a field read, not a
/// dispatched call.
/// </summary>
public abstract class Sensor(Observation initial)
{
    /// <summary>snake_case name, used as the Signal input name.</summary>
    public abstract string Name { get; }

    /// <summary>What the sensor read on the latest tick (<c>initial</c> until the first one).</summary>
    public Observation Current { get; protected set; } = initial;

    public abstract void Observe(in MarketTick tick);
}
