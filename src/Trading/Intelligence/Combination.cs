using Polytraders.Contracts;

namespace Polytraders.Trading.Intelligence;

/// <summary>
/// A combiner's result: the Signal's strategy_score and score_type, or no score when the combiner abstained or its
/// gate held the score back. The reason code says why the result is missing or degraded.
/// </summary>
public readonly record struct Combination(Fixed? Conviction, ScoreType ScoreType, string? ReasonCode)
{
    public bool HasScore => Conviction.HasValue;

    /// <summary>The score as a decimal, for people and tests; Signals publish it rounded (see <see cref="IntelligencePipeline"/>).</summary>
    public decimal? Score => Conviction?.ToDecimal();

    public static Combination Of(Fixed score, ScoreType scoreType, string? reasonCode = null) => new(score, scoreType, reasonCode);

    public static Combination Of(decimal score, ScoreType scoreType, string? reasonCode = null) => new(Fixed.From(score), scoreType, reasonCode);

    public static Combination Withheld(ScoreType scoreType, string reasonCode) => new(null, scoreType, reasonCode);
}
