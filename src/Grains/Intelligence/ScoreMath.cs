namespace Polytraders.Grains.Intelligence;

/// <summary>Decimal helpers for the tick path: deterministic on every platform, no doubles, no allocation.</summary>
public static class ScoreMath
{
    private const int MaxSqrtIterations = 128;

    public static decimal Clamp(decimal value, decimal min, decimal max) => value < min ? min : value > max ? max : value;

    /// <summary>Scales a reading so that <paramref name="fullScale"/> maps to full conviction, clamped to [-1,1].</summary>
    public static decimal Scale(decimal value, decimal fullScale) => Clamp(value / fullScale, -1m, 1m);

    /// <summary>
    /// Newton's square root in decimal. The value is first shifted by powers of 100 into [1, 100), which moves the
    /// root by exact powers of 10, so a start just above the root is known (3.2 or 10) and a handful of iterations
    /// suffice: this runs on every tick of the volatility sensor. From above the root Newton's iterates fall
    /// monotonically, so the loop stops as soon as one fails to fall: the same digits on every machine.
    /// </summary>
    public static decimal Sqrt(decimal value)
    {
        if (value < 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "No real square root of a negative number.");
        }

        if (value == 0m)
        {
            return 0m;
        }

        var scaled = value;
        var rootShift = 1m;
        while (scaled < 1m)
        {
            scaled *= 100m;
            rootShift *= 10m;
        }

        while (scaled >= 100m)
        {
            scaled /= 100m;
            rootShift /= 10m;
        }

        var current = scaled < 10m ? 3.2m : 10m;
        for (var i = 0; i < MaxSqrtIterations; i++)
        {
            var next = (current + (scaled / current)) / 2m;
            if (next >= current)
            {
                break;
            }

            current = next;
        }

        return current / rootShift;
    }

    /// <summary>Hours from <paramref name="from"/> to <paramref name="to"/> as an exact decimal (negative when past).</summary>
    public static decimal HoursBetween(DateTimeOffset from, DateTimeOffset to) =>
        (decimal)(to.UtcTicks - from.UtcTicks) / TimeSpan.TicksPerHour;
}
