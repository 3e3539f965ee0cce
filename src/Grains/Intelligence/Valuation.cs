using Polytraders.Contracts;

namespace Polytraders.Grains.Intelligence;

/// <summary>
/// A valuator's verdict on the latest tick: a score in [-1,1] (a <see cref="ScoreType.Confidence"/> score is in
/// [0,1]) or an abstention. The score type is kept even when abstaining so a combiner can tell which kind of
/// evidence is missing.
/// </summary>
public readonly record struct Valuation(ScoreType ScoreType, decimal? Score, string? ReasonCode)
{
    public bool HasScore => Score.HasValue;

    /// <summary>Confidence scores say how far to trust the others; they are not a direction to trade in.</summary>
    public bool IsConfidence => ScoreType == ScoreType.Confidence;

    public static Valuation Of(ScoreType scoreType, decimal score, string? reasonCode = null) =>
        new(scoreType, ScoreMath.Clamp(score, scoreType == ScoreType.Confidence ? 0m : -1m, 1m), reasonCode);

    public static Valuation Abstain(ScoreType scoreType, string reasonCode) => new(scoreType, null, reasonCode);
}
