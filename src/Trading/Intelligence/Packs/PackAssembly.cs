namespace Polytraders.Trading.Intelligence;

/// <summary>Puts a pack's wired parts together, so weights stay next to the valuators they belong to.</summary>
internal static class PackAssembly
{
    public static PackParts Assemble(Sensor[] sensors, (Valuator Valuator, decimal Weight)[] valuators, IntelligenceSettings settings)
    {
        var weights = new decimal[valuators.Length];
        var wired = new Valuator[valuators.Length];
        for (var i = 0; i < valuators.Length; i++)
        {
            (wired[i], weights[i]) = valuators[i];
        }

        return new PackParts(sensors, wired, StandardCombiners.Build(weights, settings.ConfidenceGate));
    }
}
