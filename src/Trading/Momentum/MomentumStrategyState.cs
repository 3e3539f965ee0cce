namespace Polytraders.Trading.Momentum;

/// <summary>
/// What the strategy grain persists: the intent sequence (so client order ids never repeat across reactivations)
/// and each market's position. Sensor history is not persisted: pipelines warm up again on live ticks.
/// </summary>
public sealed record MomentumStrategyState
{
    public long Sequence { get; init; }

    /// <summary>Positions by market id.</summary>
    public Dictionary<string, MomentumPosition> Positions { get; init; } = [];
}
