using Polytraders.Contracts;

namespace Polytraders.Trading.Gates;

/// <summary>What an evaluated item asks: its check, and for a counting check how many.</summary>
public readonly record struct GateProbe(GateCheck Check, long? Minimum)
{
    public static GateProbe Of(GateItem item) => new(item.Check ?? throw new ArgumentException($"{item.ItemId} is not an evaluated item.", nameof(item)), item.Minimum);
}

/// <summary>What the system found for one probe, with the evidence a reviewer reads.</summary>
public sealed record GateEvaluation(bool Met, string Evidence);

/// <summary>An operator's attestation of one item of the class's next transition.</summary>
public sealed record GateAttestationRecord(string ItemId, string OperatorId, string Evidence, DateTimeOffset At);

/// <summary>
/// Everything the ladder rules decide on: the class's rung, its transitions, the system's evaluations and the
/// attestations of the next transition (earlier ones are on the governance chain).
/// </summary>
public sealed record LadderFacts(
    ModeRung Rung,
    IReadOnlyList<GateChecklist> Transitions,
    IReadOnlyDictionary<GateProbe, GateEvaluation> Evaluations,
    IReadOnlyList<GateAttestationRecord> Attestations)
{
    /// <summary>The transition out of the current rung; null at the top.</summary>
    public GateChecklist? Next => Transitions.FirstOrDefault(t => t.From == Rung);
}
