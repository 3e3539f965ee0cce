namespace Polytraders.Grains.Intelligence;

/// <summary>
/// Turns market data into one observation. Sensors are stateful per market, O(1) per tick and allocation-free:
/// the pipeline calls <see cref="Observe"/> once per tick, then valuators read <see cref="Current"/>.
/// </summary>
public interface ISensor
{
    /// <summary>snake_case name, used as the Signal input name.</summary>
    string Name { get; }

    Observation Current { get; }

    void Observe(in MarketTick tick);
}
