using Polytraders.Contracts;

namespace Polytraders.Trading.Bots;

/// <summary>
/// The registered Bots, as loaded and pinned at start. Read-only: nothing at runtime edits a spec (frozen for M2); a Bot's
/// status is the registry files' until governed transitions own it.
/// </summary>
public sealed class BotCatalogue
{
    private readonly Dictionary<string, BotSpec> _byId;

    public BotCatalogue(IEnumerable<BotSpec> specs)
    {
        All = specs.OrderBy(s => s.BotId, StringComparer.Ordinal).ToList();
        _byId = All.ToDictionary(s => s.BotId, StringComparer.Ordinal);
    }

    /// <summary>Every Bot, by id.</summary>
    public IReadOnlyList<BotSpec> All { get; }

    public BotSpec? Find(string botId) => _byId.GetValueOrDefault(botId);

    /// <summary>The Bot a launch of <paramref name="family"/> at <paramref name="strategyVersion"/> runs as; null when none is registered.</summary>
    public BotSpec? Resolve(StrategyLaunchFamily family, string strategyVersion) => family switch
    {
        StrategyLaunchFamily.Momentum => Resolve(BotClass.Momentum, strategyVersion),
        _ => null,
    };

    /// <summary>The Bot a launch of <paramref name="botClass"/> at <paramref name="strategyVersion"/> runs as (the first by id when several share them); null when none is registered.</summary>
    public BotSpec? Resolve(BotClass botClass, string strategyVersion) =>
        All.FirstOrDefault(s => s.Class == botClass && string.Equals(s.StrategyVersion, strategyVersion, StringComparison.Ordinal));

    public static BotSummary Summary(BotSpec spec) => new()
    {
        BotId = spec.BotId,
        Name = spec.Name,
        Class = spec.Class,
        StrategyVersion = spec.StrategyVersion,
        Status = spec.Status,
        SpecVersion = spec.SpecVersion,
        ContentHash = spec.ContentHash,
    };

    /// <summary>Bots by status (every status, in ladder order, even when empty) and classes with their current rung.</summary>
    public StatusBoard StatusBoard()
    {
        var statuses = Enum.GetValues<BotStatus>()
            .Select(status =>
            {
                var ids = All.Where(s => s.Status == status).Select(s => s.BotId).ToList();
                return new StatusCount { Status = status, Count = ids.Count, BotIds = ids };
            })
            .ToList();
        var classes = All
            .GroupBy(s => s.Class)
            .OrderBy(g => g.Key)
            .Select(g => new ClassBoard
            {
                Class = g.Key,

                // Every loaded Bot has a complete, pinned spec (the loader refuses the rest), so a class is docs-complete at least.
                Rung = g.Any(s => s.Status >= BotStatus.DemoWired) ? ClassBoardRung.DemoWired : ClassBoardRung.DocsComplete,
                Count = g.Count(),
                BotIds = g.Select(s => s.BotId).ToList(),
            })
            .ToList();
        return new StatusBoard { Statuses = statuses, Total = All.Count, Classes = classes };
    }
}
