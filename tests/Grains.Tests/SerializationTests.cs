using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Polytraders.Contracts;
using Polytraders.Grains.Strategies;
using Polytraders.Trading.Momentum;

namespace Polytraders.Grains.Tests;

[Collection(SpineCollection.Name)]
public sealed class SerializationTests(SpineCluster spine)
{
    [Fact]
    public void command_results_and_audit_contexts_cross_grain_boundaries_intact()
    {
        var serializer = spine.Cluster.Client.ServiceProvider.GetRequiredService<Serializer>();
        var refused = CommandResult.Refused(ReasonCodes.StratScopeEmpty, "no market");
        var context = new AuditContext("TEN-DESK", "PORT-001", "momentum-crypto-1", "LCH-000000", AuditEnvelopeMode.Paper, "0x" + new string('1', 64));

        Assert.Equal(refused, serializer.Deserialize<CommandResult>(serializer.SerializeToArray(refused)));
        Assert.Equal(context, serializer.Deserialize<AuditContext>(serializer.SerializeToArray(context)));
    }

    [Fact]
    public void a_strategy_state_written_with_its_book_inside_loads_and_moves_the_book_to_its_own_record()
    {
        // Ids 3, 5, 8 and 9 are where versions before the book's own record wrote it: the same bytes as they wrote.
        var serializer = spine.Cluster.Client.ServiceProvider.GetRequiredService<Serializer>();
        var position = MomentumPosition.FlatIn("0xmarket", "900002") with { Phase = MomentumPhase.Long, Size = 50m, EntryPrice = 0.41m, EntryClientOrderId = "cid-1" };
        var former = new StrategyGrainState
        {
            Running = true,
            MarketsInScope = ["0xmarket"],
            FormerCore = new MomentumStrategyState { Sequence = 7, Positions = new() { ["0xmarket"] = position } },
            FormerBookedFills = new() { ["cid-1"] = ["fill-1"] },
            FormerPending = [],
        };

        Assert.Equal(
            [3u, 5u, 8u, 9u],
            new[] { nameof(StrategyGrainState.FormerCore), nameof(StrategyGrainState.FormerLastSignal), nameof(StrategyGrainState.FormerBookedFills), nameof(StrategyGrainState.FormerPending) }
                .Select(name => typeof(StrategyGrainState).GetProperty(name)!.GetCustomAttributes(typeof(IdAttribute), false).Cast<IdAttribute>().Single().Id));
        var loaded = Assert.IsType<StrategyGrainState>(serializer.Deserialize<StrategyGrainState>(serializer.SerializeToArray(former)));
        var book = new StrategyBookState();

        Assert.True(loaded.MoveFormerBookTo(book));
        var core = Assert.IsType<MomentumStrategyState>(book.Core);
        Assert.Equal(7, core.Sequence);
        Assert.Equal(position, core.Positions["0xmarket"]);
        Assert.Equal(["fill-1"], book.BookedFills["cid-1"]);
        Assert.Null(loaded.FormerCore);
        Assert.False(loaded.MoveFormerBookTo(new StrategyBookState()));
        Assert.Equal(["0xmarket"], loaded.MarketsInScope);
    }
}
