using Polytraders.Contracts;

namespace Polytraders.Grains.Gates;

/// <summary>Bounded: the rung and the attestations of the next transition; the history is on the governance chain.</summary>
[GenerateSerializer]
[Alias("Polytraders.ModeLadderGrainState")]
public sealed class ModeLadderGrainState
{
    [Id(0)]
    public ModeRung Rung { get; set; } = ModeRung.DocsComplete;

    [Id(1)]
    public List<LadderAttestation> Attestations { get; set; } = [];
}

[GenerateSerializer]
[Alias("Polytraders.LadderAttestation")]
public sealed class LadderAttestation
{
    [Id(0)]
    public required string ItemId { get; init; }

    [Id(1)]
    public required string OperatorId { get; init; }

    [Id(2)]
    public required string Evidence { get; init; }

    [Id(3)]
    public DateTimeOffset At { get; init; }
}
