namespace Polytraders.Grains.Strategies;

/// <summary>
/// What the strategy grain persists: the intent sequence (so client order ids never repeat across reactivations)
/// and each market's position. Sensor history is not persisted: pipelines warm up again on live ticks.
/// </summary>
[GenerateSerializer]
[Alias("Polytraders.MomentumStrategyState")]
public sealed record MomentumStrategyState
{
    [Id(0)]
    public long Sequence { get; init; }

    /// <summary>Positions by market id.</summary>
    [Id(1)]
    public Dictionary<string, MomentumPosition> Positions { get; init; } = [];
}
