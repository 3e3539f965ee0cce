namespace Polytraders.Trading.Intelligence;

/// <summary>Helpers for the tick path: fixed-point, deterministic on every platform, no allocation.</summary>
public static class ScoreMath
{
    /// <summary>Scales a reading so that <paramref name="fullScale"/> maps to full conviction, clamped to [-1,1].</summary>
    public static Fixed Scale(Fixed value, Fixed fullScale) => Fixed.Clamp(value / fullScale, Fixed.MinusOne, Fixed.One);

    /// <summary>Hours from <paramref name="from"/> to <paramref name="to"/> (negative when past).</summary>
    public static Fixed HoursBetween(DateTimeOffset from, DateTimeOffset to) => Fixed.Hours(to.UtcTicks - from.UtcTicks);
}
