using Polytraders.Contracts;

namespace Polytraders.Trading.Intelligence;

/// <summary>
/// A valuator's verdict on the latest tick: a conviction in [-1,1] (a <see cref="ScoreType.Confidence"/> one is in
/// [0,1]) or an abstention. The score type is kept even when abstaining so a combiner can tell which kind of
/// evidence is missing.
/// </summary>
public readonly record struct Valuation(ScoreType ScoreType, Fixed? Conviction, string? ReasonCode)
{
    public bool HasScore => Conviction.HasValue;

    /// <summary>Confidence scores say how far to trust the others; they are not a direction to trade in.</summary>
    public bool IsConfidence => ScoreType == ScoreType.Confidence;

    /// <summary>The conviction as a decimal (nine decimals), for Signals and for people.</summary>
    public decimal? Score => Conviction?.ToDecimal();

    public static Valuation Of(ScoreType scoreType, Fixed score, string? reasonCode = null) =>
        new(scoreType, Fixed.Clamp(score, scoreType == ScoreType.Confidence ? Fixed.Zero : Fixed.MinusOne, Fixed.One), reasonCode);

    public static Valuation Of(ScoreType scoreType, decimal score, string? reasonCode = null) => Of(scoreType, Fixed.From(score), reasonCode);

    public static Valuation Abstain(ScoreType scoreType, string reasonCode) => new(scoreType, null, reasonCode);
}
