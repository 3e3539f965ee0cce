namespace Polytraders.Grains.Intelligence;

/// <summary>
/// What a sensor read on the latest tick. A value with no code is a clean reading; a value with a code is degraded
/// (usable, but the code says why to trust it less); no value means the sensor abstained and the code says why.
/// </summary>
public readonly record struct Observation(decimal? Value, string? ReasonCode)
{
    public bool HasValue => Value.HasValue;

    public static Observation Of(decimal value) => new(value, null);

    public static Observation Degraded(decimal value, string reasonCode) => new(value, reasonCode);

    public static Observation Missing(string reasonCode) => new(null, reasonCode);
}
