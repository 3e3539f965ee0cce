using Polytraders.Contracts;

namespace Polytraders.Trading.Gates;

/// <summary>
/// The mode ladder's rules, deterministic over <see cref="LadderFacts"/>: what each checklist item's state is, whether
/// an attestation, a promotion or a launch passes, and when not, which rung and items are missing.
/// </summary>
public static class ModeLadderRules
{
    /// <summary>A pseudo-item named when the attested items lack the distinct operators the transition needs.</summary>
    public const string DistinctOperatorsItem = "distinct_operators";

    /// <summary>Every evaluated item of the class's transitions, once: what the shell must evaluate.</summary>
    public static IReadOnlyList<GateProbe> ProbesOf(IEnumerable<GateChecklist> transitions) =>
        transitions.SelectMany(t => t.Items).Where(i => i.Kind == GateItemKind.Evaluated).Select(GateProbe.Of).Distinct().ToList();

    public static ModeLadder View(string tenantId, BotClass botClass, LadderFacts facts) => new()
    {
        TenantId = tenantId,
        Class = botClass,
        Rung = facts.Rung,
        Transitions = facts.Transitions.Select(t => TransitionOf(t, facts)).ToList(),
    };

    /// <summary>The items of <paramref name="transition"/> still unmet (none once the class stands above it).</summary>
    public static IReadOnlyList<string> Missing(GateChecklist transition, LadderFacts facts)
    {
        if (transition.To <= facts.Rung)
        {
            return [];
        }

        var missing = transition.Items.Where(i => !Met(i, transition, facts)).Select(i => i.ItemId).ToList();
        if (transition.From == facts.Rung && AttestingOperators(facts).Count < transition.DistinctOperators && missing.Count == 0)
        {
            missing.Add(DistinctOperatorsItem);
        }

        return missing;
    }

    /// <summary>Null when <paramref name="operatorId"/> may attest <paramref name="itemId"/> now, else why not.</summary>
    public static RuleViolation? Attest(LadderFacts facts, string itemId, string operatorId)
    {
        if (facts.Next is not { } next)
        {
            return new RuleViolation(ReasonCodes.GovAttestationRefused, $"the class stands at {Rungs.Name(facts.Rung)}, the top rung: nothing is left to attest.");
        }

        var item = next.Items.FirstOrDefault(i => i.ItemId == itemId);
        if (item is null || item.Kind != GateItemKind.Attested)
        {
            var attested = string.Join(", ", next.Items.Where(i => i.Kind == GateItemKind.Attested).Select(i => i.ItemId));
            return new RuleViolation(ReasonCodes.GovAttestationRefused, $"{itemId} is not an attested item of {Transition(next)}; its attested items: {attested}.");
        }

        return facts.Attestations.Any(a => a.ItemId == itemId && a.OperatorId == operatorId)
            ? new RuleViolation(ReasonCodes.GovAttestationRefused, $"{operatorId} attested {itemId} already.")
            : null;
    }

    /// <summary>Null when the class may move up to <paramref name="target"/> now, else the refusal naming what is missing.</summary>
    public static (RuleViolation? Refusal, IReadOnlyList<string> Missing) Promote(LadderFacts facts, ModeRung target)
    {
        if (facts.Next is not { } next || next.To != target)
        {
            var expected = facts.Next is { } n ? $"the next rung is {Rungs.Name(n.To)}" : "it stands at the top rung";
            return (new RuleViolation(ReasonCodes.GovPromotionRefused, $"the class stands at {Rungs.Name(facts.Rung)}: {expected}, not {Rungs.Name(target)}."), []);
        }

        var missing = Missing(next, facts);
        return missing.Count == 0
            ? (null, [])
            : (new RuleViolation(ReasonCodes.GovPromotionRefused, $"{Transition(next)} is missing {string.Join(", ", missing)}."), missing);
    }

    /// <summary>Null when a launch in <paramref name="mode"/> may run; else the refusal naming the rung it needs and the items missing up to it.</summary>
    public static (RuleViolation? Refusal, IReadOnlyList<string> Missing) Launch(LadderFacts facts, LaunchMode mode)
    {
        var required = Rungs.RequiredFor(mode);
        if (facts.Rung >= required)
        {
            return (null, []);
        }

        var gaps = facts.Transitions
            .Where(t => t.From >= facts.Rung && t.To <= required)
            .Select(t => (Transition: t, Missing: Missing(t, facts)))
            .ToList();
        var detail = string.Join("; ", gaps.Select(g => $"{Transition(g.Transition)}: {string.Join(", ", g.Missing.DefaultIfEmpty("ready, not promoted"))}"));
        var missing = gaps.SelectMany(g => g.Missing).Distinct().ToList();
        return (new RuleViolation(
            ReasonCodes.GovLaunchAboveRung,
            $"{ContractJson.NameOf(mode)} needs the class at rung {Rungs.Name(required)}; it stands at {Rungs.Name(facts.Rung)}. Missing: {detail}."), missing);
    }

    private static LadderTransition TransitionOf(GateChecklist transition, LadderFacts facts)
    {
        var next = transition.From == facts.Rung;
        return new LadderTransition
        {
            From = transition.From,
            To = transition.To,
            Reached = transition.To <= facts.Rung,
            Ready = next && Missing(transition, facts).Count == 0,
            DistinctOperators = transition.DistinctOperators,
            AttestingOperators = next ? AttestingOperators(facts).ToList() : [],
            Items = transition.Items.Select(i => ItemOf(i, transition, facts)).ToList(),
        };
    }

    private static LadderItem ItemOf(GateItem item, GateChecklist transition, LadderFacts facts)
    {
        var state = new LadderItem
        {
            ItemId = item.ItemId,
            Kind = item.Kind == GateItemKind.Evaluated ? LadderItemKind.Evaluated : LadderItemKind.Attested,
            Description = item.Description,
            Met = Met(item, transition, facts),
            Evidence = string.Empty,
        };
        if (item.Kind == GateItemKind.Evaluated)
        {
            return state with { Evidence = Evaluation(item, facts).Evidence };
        }

        if (transition.To <= facts.Rung)
        {
            return state with { Evidence = "attested before the class reached this rung: see GOV_GATE_ITEM_ATTESTED on the Tenant's governance chain" };
        }

        if (transition.From != facts.Rung)
        {
            return state with { Evidence = $"attested once the class stands at {Rungs.Name(transition.From)}" };
        }

        return facts.Attestations.LastOrDefault(a => a.ItemId == item.ItemId) is { } latest
            ? state with { Evidence = latest.Evidence, AttestedBy = latest.OperatorId, AttestedAt = latest.At }
            : state with { Evidence = "not attested yet" };
    }

    private static bool Met(GateItem item, GateChecklist transition, LadderFacts facts) => item.Kind switch
    {
        GateItemKind.Evaluated => Evaluation(item, facts).Met,
        _ => transition.To <= facts.Rung || (transition.From == facts.Rung && facts.Attestations.Any(a => a.ItemId == item.ItemId)),
    };

    private static GateEvaluation Evaluation(GateItem item, LadderFacts facts) =>
        facts.Evaluations.GetValueOrDefault(GateProbe.Of(item)) ?? new GateEvaluation(false, "not evaluated");

    private static IReadOnlySet<string> AttestingOperators(LadderFacts facts) =>
        facts.Attestations.Select(a => a.OperatorId).ToHashSet(StringComparer.Ordinal);

    private static string Transition(GateChecklist transition) => $"{Rungs.Name(transition.From)} -> {Rungs.Name(transition.To)}";
}
