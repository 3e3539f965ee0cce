using Polytraders.Contracts;

namespace Polytraders.Grains.Intelligence;

/// <summary>
/// A combiner's result: the Signal's strategy_score and score_type, or no score when the combiner abstained or its
/// gate held the score back. The reason code says why the result is missing or degraded.
/// </summary>
public readonly record struct Combination(decimal? Score, ScoreType ScoreType, string? ReasonCode)
{
    public bool HasScore => Score.HasValue;

    public static Combination Of(decimal score, ScoreType scoreType, string? reasonCode = null) => new(score, scoreType, reasonCode);

    public static Combination Withheld(ScoreType scoreType, string reasonCode) => new(null, scoreType, reasonCode);
}
