using Polytraders.Contracts;
using Polytraders.Trading;
using Polytraders.Trading.Momentum;

namespace Polytraders.Grains.Strategies;

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

    [Id(3)]
    public MomentumStrategyState? Core { get; set; }

    [Id(4)]
    public List<string> MarketsInScope { get; set; } = [];

    [Id(5)]
    public Signal? LastSignal { get; set; }

    /// <summary>The latest <see cref="LaunchesKept"/> launches, oldest first.</summary>
    [Id(6)]
    public List<LaunchRecord> Launches { get; set; } = [];

    [Id(7)]
    public string? DomainPack { get; set; }

    /// <summary>Ids of the fills handed to the core, per order a position still refers to (pending or entry).</summary>
    [Id(8)]
    public Dictionary<string, List<string>> BookedFills { get; set; } = [];

    /// <summary>
    /// The intents sent to risk that risk has not yet said it decided, by client order id: written before each is sent,
    /// so a crash between the write and the send is answered by sending it again (risk ignores one it already holds).
    /// Usually empty; at most one per market in scope.
    /// </summary>
    [Id(9)]
    public Dictionary<string, OrderIntent> Pending { get; set; } = [];
}
