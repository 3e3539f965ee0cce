using Polytraders.Contracts;
using Polytraders.Trading.Bots;

namespace Polytraders.Trading.Validation.Rules;

/// <summary>A spec's 27 sections are numbered 1 to 27 in order, and its content_hash is the hash of those sections.</summary>
public sealed class BotSpecRule : ContractRule<BotSpec>
{
    public const int SectionCount = 27;

    public override IEnumerable<ContractViolation> Check(BotSpec value)
    {
        for (var i = 0; i < value.Sections.Count; i++)
        {
            if (value.Sections[i].Number != i + 1)
            {
                yield return new ContractViolation(
                    ReasonCodes.GovBotSpecInvalid, "SectionOutOfOrder", $"#/sections/{i}/number", $"section {i + 1} of {SectionCount} is numbered {value.Sections[i].Number}");
            }
        }

        var hash = BotSpecHash.Compute(value.Sections);
        if (!string.Equals(hash, value.ContentHash, StringComparison.Ordinal))
        {
            yield return new ContractViolation(
                ReasonCodes.GovBotSpecInvalid, "ContentHashMismatch", "#/content_hash", $"the sections hash to {hash}, not {value.ContentHash}");
        }
    }
}
