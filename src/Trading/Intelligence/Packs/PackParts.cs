namespace Polytraders.Trading.Intelligence;

/// <summary>
/// One fresh, wired set of a pack's sensors, valuators and combiners. Built anew per market, because sensors and
/// valuators hold that market's history.
/// </summary>
public sealed record PackParts(IReadOnlyList<Sensor> Sensors, IReadOnlyList<Valuator> Valuators, IReadOnlyList<ICombiner> Combiners);
