namespace Polytraders.Trading.Intelligence;

/// <summary>
/// What a sensor read on the latest tick. A reading with no code is clean; a reading with a code is degraded
/// (usable, but the code says why to trust it less); no reading means the sensor abstained and the code says why.
/// </summary>
public readonly record struct Observation(Fixed? Reading, string? ReasonCode)
{
    public bool HasValue => Reading.HasValue;

    /// <summary>The reading as a decimal (nine decimals), for Signals and for people; the tick path uses <see cref="Reading"/>.</summary>
    public decimal? Value => Reading?.ToDecimal();

    public static Observation Of(Fixed value) => new(value, null);

    public static Observation Of(decimal value) => new(Fixed.From(value), null);

    public static Observation Degraded(Fixed value, string reasonCode) => new(value, reasonCode);

    public static Observation Degraded(decimal value, string reasonCode) => new(Fixed.From(value), reasonCode);

    public static Observation Missing(string reasonCode) => new(null, reasonCode);
}
