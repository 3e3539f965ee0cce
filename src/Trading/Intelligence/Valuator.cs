namespace Polytraders.Trading.Intelligence;

/// <summary>
/// Turns the current observations of the sensors it was built with into a score, or abstains. Called once per tick
/// after every sensor observed it; O(1) and allocation-free. A base class, like <see cref="Sensor"/>, so the tick
/// path makes virtual calls rather than interface dispatches.
/// </summary>
public abstract class Valuator
{
    /// <summary>snake_case name, used as the Signal input name.</summary>
    public abstract string Name { get; }

    public abstract Valuation Valuate();
}
