using Polytraders.Contracts;
using Polytraders.Trading.Momentum;

namespace Polytraders.Grains.Strategies;

/// <summary>
/// What a running Strategy changes as it trades, a record of its own beside the launch (<see cref="StrategyGrainState"/>):
/// written on every intent, fill and rejection, so it holds only what those change, and its size follows the open
/// positions and intents, not the launch, the markets in scope or the launches before.
/// </summary>
[GenerateSerializer]
[Alias("Polytraders.StrategyBookState")]
public sealed class StrategyBookState
{
    [Id(0)]
    public MomentumStrategyState? Core { get; set; }

    /// <summary>Ids of the fills handed to the core, per order a position still refers to (pending or entry).</summary>
    [Id(1)]
    public Dictionary<string, List<string>> BookedFills { get; set; } = [];

    /// <summary>
    /// The intents sent to risk that risk has not yet said it decided, by client order id: written before each is sent,
    /// so a crash between the write and the send is answered by sending it again (risk ignores one it already holds).
    /// Usually empty; at most one per market in scope.
    /// </summary>
    [Id(2)]
    public Dictionary<string, OrderIntent> Pending { get; set; } = [];

    /// <summary>The latest Signal, as of the last write (a Signal alone is not written: the audit trail has every one).</summary>
    [Id(3)]
    public Signal? LastSignal { get; set; }
}
