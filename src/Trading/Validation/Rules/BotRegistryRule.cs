using Polytraders.Contracts;

namespace Polytraders.Trading.Validation.Rules;

/// <summary>A Bot is pinned once: two pins for one id would let the loader pick either.</summary>
public sealed class BotRegistryRule : ContractRule<BotRegistry>
{
    public override IEnumerable<ContractViolation> Check(BotRegistry value) =>
        value.Pins
            .Select((pin, index) => (pin, index))
            .GroupBy(p => p.pin.BotId, StringComparer.Ordinal)
            .SelectMany(g => g.Skip(1))
            .Select(p => new ContractViolation(ReasonCodes.GovBotSpecNotPinned, "DuplicatePin", $"#/pins/{p.index}/bot_id", $"{p.pin.BotId} is pinned more than once"));
}
