using Polytraders.Contracts;

namespace Polytraders.Trading.Gates;

/// <summary>Every class's mode-ladder checklists, as loaded at start; read-only.</summary>
public sealed class GateChecklists(IEnumerable<GateChecklist> checklists)
{
    private readonly List<GateChecklist> _all = checklists.OrderBy(c => c.Class).ThenBy(c => c.From).ToList();

    /// <summary>The class's transitions, lowest first (empty for a class with no ladder).</summary>
    public IReadOnlyList<GateChecklist> Of(BotClass botClass) => _all.Where(c => c.Class == botClass).ToList();
}
