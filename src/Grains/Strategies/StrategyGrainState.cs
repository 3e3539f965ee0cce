using Polytraders.Contracts;
using Polytraders.Trading;
using Polytraders.Trading.Momentum;

namespace Polytraders.Grains.Strategies;

/// <summary>
/// A Strategy's launch: what it runs, where, and its latest launches. Written when a launch starts or stops and when
/// its Market scope changes; what trading changes is in <see cref="StrategyBookState"/>.
/// </summary>
[GenerateSerializer]
[Alias("Polytraders.StrategyGrainState")]
public sealed class StrategyGrainState
{
    /// <summary>The latest launches kept with the grain; every launch is in the audit trail (STRAT_LAUNCHED).</summary>
    public const int LaunchesKept = 20;

    [Id(0)]
    public StrategyLaunch? Launch { get; set; }

    [Id(1)]
    public AuditContext? Context { get; set; }

    [Id(2)]
    public bool Running { get; set; }

    [Id(4)]
    public List<string> MarketsInScope { get; set; } = [];

    /// <summary>The latest <see cref="LaunchesKept"/> launches, oldest first.</summary>
    [Id(6)]
    public List<LaunchRecord> Launches { get; set; } = [];

    [Id(7)]
    public string? DomainPack { get; set; }

    /// <summary>
    /// The book as versions before <see cref="StrategyBookState"/> wrote it, inside this record (ids 3, 5, 8 and 9): read
    /// once (binary or JSON, under their former names), moved to the book's own record by the first activation that finds no book, never written again.
    /// </summary>
    [Id(3)]
    [Newtonsoft.Json.JsonProperty("Core")]
    public MomentumStrategyState? FormerCore { get; set; }

    [Id(5)]
    [Newtonsoft.Json.JsonProperty("LastSignal")]
    public Signal? FormerLastSignal { get; set; }

    [Id(8)]
    [Newtonsoft.Json.JsonProperty("BookedFills")]
    public Dictionary<string, List<string>>? FormerBookedFills { get; set; }

    [Id(9)]
    [Newtonsoft.Json.JsonProperty("Pending")]
    public Dictionary<string, OrderIntent>? FormerPending { get; set; }

    /// <summary>Moves what an earlier version kept here into <paramref name="book"/>; false when there was nothing.</summary>
    public bool MoveFormerBookTo(StrategyBookState book)
    {
        if (FormerCore is null && FormerBookedFills is null && FormerPending is null)
        {
            return false;
        }

        book.Core = FormerCore;
        book.LastSignal = FormerLastSignal;
        book.BookedFills = FormerBookedFills ?? [];
        book.Pending = FormerPending ?? [];
        (FormerCore, FormerLastSignal, FormerBookedFills, FormerPending) = (null, null, null, null);
        return true;
    }
}
