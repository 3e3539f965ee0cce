using Polytraders.Contracts;
using Polytraders.Trading.Gates;

namespace Polytraders.Trading.Validation.Rules;

/// <summary>
/// A checklist moves its class exactly one rung up; its items are named once; only a counting check takes, and needs, a
/// minimum.
/// </summary>
public sealed class GateChecklistRule : ContractRule<GateChecklist>
{
    public override IEnumerable<ContractViolation> Check(GateChecklist value)
    {
        if (value.To != value.From + 1)
        {
            yield return new ContractViolation(ReasonCodes.GovGateChecklistInvalid, "OneRungUp", "#/to", $"a transition moves one rung up: {Rungs.Name(value.From)} goes to {Rungs.Name(value.From + 1)}");
        }

        for (var index = 0; index < value.Items.Count; index++)
        {
            var item = value.Items[index];
            if (value.Items.Take(index).Any(earlier => earlier.ItemId == item.ItemId))
            {
                yield return new ContractViolation(ReasonCodes.GovGateChecklistInvalid, "DuplicateItem", $"#/items/{index}/item_id", $"{item.ItemId} is listed more than once");
            }

            if ((item.Check == GateCheck.PaperDecisionsAudited) != (item.Minimum is not null))
            {
                yield return new ContractViolation(ReasonCodes.GovGateChecklistInvalid, "MinimumOnCountingChecks", $"#/items/{index}/minimum", "minimum is set exactly on paper_decisions_audited items");
            }
        }
    }
}
