namespace Polytraders.Grains.Intelligence;

/// <summary>
/// Turns the current observations of the sensors it was built with into a score, or abstains. Called once per tick
/// after every sensor observed it; O(1) and allocation-free.
/// </summary>
public interface IValuator
{
    /// <summary>snake_case name, used as the Signal input name.</summary>
    string Name { get; }

    Valuation Valuate();
}
