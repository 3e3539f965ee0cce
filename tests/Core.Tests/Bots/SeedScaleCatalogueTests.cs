using System.Diagnostics;
using Polytraders.Contracts;

namespace Polytraders.Core.Tests.Bots;

/// <summary>
/// The status board at the seed's scale: 109 Bots, 9 demo-wired and 100 pending, generated here as test data (ids
/// <c>seed-scale-test-bot-NNN</c>) and loaded through the same loader the silo uses.
/// </summary>
public sealed class SeedScaleCatalogueTests
{
    [Fact]
    public async Task the_status_board_counts_a_109_bot_catalogue_by_status_and_class()
    {
        using var folder = new BotFolder();
        folder.With(Enumerable.Range(1, 109)
            .Select(n => BotFolder.TestSpec($"seed-scale-test-bot-{n:D3}", n <= 9 ? BotStatus.DemoWired : BotStatus.Pending))
            .ToArray());
        var catalogue = await folder.LoadAsync();

        var clock = Stopwatch.StartNew();
        var board = catalogue.StatusBoard();
        clock.Stop();

        Assert.Equal(109, board.Total);
        Assert.Equal(
            [(BotStatus.Pending, 100L), (BotStatus.DemoWired, 9L), (BotStatus.ShadowReady, 0L), (BotStatus.ProductionLive, 0L)],
            board.Statuses.Select(s => (s.Status, s.Count)));
        Assert.All(board.Statuses, s => Assert.Equal(s.Count, s.BotIds.Count));
        var momentum = Assert.Single(board.Classes);
        Assert.Equal((BotClass.Momentum, ClassBoardRung.DemoWired, 109L), (momentum.Class, momentum.Rung, momentum.Count));

        // A loose bound: the board is a pass over the loaded catalogue, far below a second on any machine.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"the status board took {clock.Elapsed}");
    }

    [Fact]
    public async Task a_class_with_no_demo_wired_bot_is_on_the_docs_complete_rung()
    {
        using var folder = new BotFolder();
        var catalogue = await folder.With(BotFolder.TestSpec("seed-scale-test-bot-001")).LoadAsync();

        Assert.Equal(ClassBoardRung.DocsComplete, Assert.Single(catalogue.StatusBoard().Classes).Rung);
    }
}
