using Polytraders.Contracts;
using Polytraders.Tests.Shared;
using Polytraders.Trading.Gates;
using Polytraders.Trading.Validation;

namespace Polytraders.Core.Tests.Gates;

public sealed class ModeLadderRulesTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 3, 20, 0, 0, TimeSpan.Zero);

    private static async Task<IReadOnlyList<GateChecklist>> MomentumAsync()
    {
        var validator = await ContractValidator.LoadAsync(ContractRules.All);
        var checklists = await new GateChecklistLoader(validator).LoadAsync(Path.Combine(ReferenceRule.RepositoryRoot(), "gates"));
        return checklists.Of(BotClass.Momentum);
    }

    /// <summary>Every evaluated item met or unmet as asked.</summary>
    private static Dictionary<GateProbe, GateEvaluation> Evaluations(IReadOnlyList<GateChecklist> transitions, bool met, params GateCheck[] except) =>
        ModeLadderRules.ProbesOf(transitions).ToDictionary(p => p, p => new GateEvaluation(met != except.Contains(p.Check), "test"));

    [Fact]
    public async Task the_repository_ladder_has_three_transitions_and_two_operators_for_the_live_rungs()
    {
        var transitions = await MomentumAsync();

        Assert.Equal([ModeRung.DocsComplete, ModeRung.DemoWired, ModeRung.LimitedLive], transitions.Select(t => t.From));
        Assert.Equal([1L, 2L, 2L], transitions.Select(t => t.DistinctOperators));
        Assert.Contains(transitions[1].Items, i => i.Check == GateCheck.DurableStorage);
        Assert.Contains(transitions[1].Items, i => i.Check == GateCheck.NonDevelopmentSigningKey);
    }

    [Fact]
    public async Task paper_launches_at_the_lowest_rung_and_a_live_launch_above_it_names_the_rung_and_its_missing_items()
    {
        var transitions = await MomentumAsync();
        var facts = new LadderFacts(ModeRung.DemoWired, transitions, Evaluations(transitions, met: true, GateCheck.DurableStorage), []);

        Assert.Null(ModeLadderRules.Launch(facts with { Rung = ModeRung.DocsComplete }, LaunchMode.Paper).Refusal);
        var (refusal, missing) = ModeLadderRules.Launch(facts, LaunchMode.LimitedLive);

        Assert.Equal(ReasonCodes.GovLaunchAboveRung, refusal?.Code);
        Assert.Contains("rung limited_live", refusal?.Message, StringComparison.Ordinal);
        Assert.Equal(["durable_storage", "backtest_full_window", "risk_limits_reviewed", "live_runbook"], missing);
    }

    [Fact]
    public async Task wide_live_names_the_items_of_every_rung_up_to_it()
    {
        var transitions = await MomentumAsync();
        var facts = new LadderFacts(ModeRung.DemoWired, transitions, Evaluations(transitions, met: true), []);

        var (refusal, missing) = ModeLadderRules.Launch(facts, LaunchMode.WideLive);

        Assert.Contains("demo-wired -> limited_live", refusal?.Message, StringComparison.Ordinal);
        Assert.Contains("limited_live -> wide_live", refusal?.Message, StringComparison.Ordinal);
        Assert.Contains("conformance_suite", missing);
        Assert.Contains("live_runbook", missing);
    }

    [Fact]
    public async Task a_live_rung_needs_two_different_operators_even_with_every_item_attested()
    {
        var transitions = await MomentumAsync();
        var byCarol = transitions[1].Items.Where(i => i.Kind == GateItemKind.Attested).Select(i => new GateAttestationRecord(i.ItemId, "carol", "seen", At)).ToList();
        var facts = new LadderFacts(ModeRung.DemoWired, transitions, Evaluations(transitions, met: true), byCarol);

        var (refusal, missing) = ModeLadderRules.Promote(facts, ModeRung.LimitedLive);
        Assert.Equal(ReasonCodes.GovPromotionRefused, refusal?.Code);
        Assert.Equal([ModeLadderRules.DistinctOperatorsItem], missing);

        var withDave = facts with { Attestations = [.. byCarol, new GateAttestationRecord("live_runbook", "dave", "rehearsed", At)] };
        Assert.Null(ModeLadderRules.Promote(withDave, ModeRung.LimitedLive).Refusal);
        Assert.True(ModeLadderRules.View("TEN-DESK", BotClass.Momentum, withDave).Transitions[1].Ready);
    }

    [Fact]
    public async Task a_promotion_moves_one_rung_only()
    {
        var transitions = await MomentumAsync();
        var facts = new LadderFacts(ModeRung.DocsComplete, transitions, Evaluations(transitions, met: true), []);

        var (refusal, _) = ModeLadderRules.Promote(facts, ModeRung.LimitedLive);

        Assert.Contains("the next rung is demo-wired", refusal?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task only_attested_items_of_the_next_transition_are_attested_and_once_per_operator()
    {
        var transitions = await MomentumAsync();
        var facts = new LadderFacts(ModeRung.DemoWired, transitions, Evaluations(transitions, met: true), [new GateAttestationRecord("live_runbook", "carol", "seen", At)]);

        Assert.Null(ModeLadderRules.Attest(facts, "live_runbook", "dave"));
        Assert.Equal(ReasonCodes.GovAttestationRefused, ModeLadderRules.Attest(facts, "live_runbook", "carol")?.Code);
        Assert.Equal(ReasonCodes.GovAttestationRefused, ModeLadderRules.Attest(facts, "durable_storage", "carol")?.Code);
        Assert.Equal(ReasonCodes.GovAttestationRefused, ModeLadderRules.Attest(facts, "conformance_suite", "carol")?.Code);
    }

    [Fact]
    public async Task the_view_shows_each_item_with_its_evidence_and_who_attested_it()
    {
        var transitions = await MomentumAsync();
        var evaluations = Evaluations(transitions, met: true);
        evaluations[new GateProbe(GateCheck.DurableStorage, null)] = new GateEvaluation(false, "this silo runs 'embedded (in-memory)'");
        var facts = new LadderFacts(ModeRung.DemoWired, transitions, evaluations, [new GateAttestationRecord("backtest_full_window", "carol", "BT-2026q3-crypto-01", At)]);

        var view = ModeLadderRules.View("TEN-DESK", BotClass.Momentum, facts);

        Assert.True(view.Transitions[0].Reached);
        var next = view.Transitions[1];
        Assert.False(next.Ready);
        Assert.Equal(["carol"], next.AttestingOperators);
        var storage = next.Items.Single(i => i.ItemId == "durable_storage");
        Assert.False(storage.Met);
        Assert.Contains("in-memory", storage.Evidence, StringComparison.Ordinal);
        var backtest = next.Items.Single(i => i.ItemId == "backtest_full_window");
        Assert.Equal(("carol", "BT-2026q3-crypto-01", At), (backtest.AttestedBy, backtest.Evidence, backtest.AttestedAt));
    }

    [Fact]
    public void an_automatic_demotion_leaves_a_live_class_at_demo_wired_and_a_lower_one_where_it_is()
    {
        Assert.Equal(ModeRung.DemoWired, Rungs.DemotedFrom(ModeRung.WideLive));
        Assert.Equal(ModeRung.DemoWired, Rungs.DemotedFrom(ModeRung.LimitedLive));
        Assert.Equal(ModeRung.DocsComplete, Rungs.DemotedFrom(ModeRung.DocsComplete));
    }
}
