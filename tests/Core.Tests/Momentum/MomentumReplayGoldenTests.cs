using System.Runtime.CompilerServices;
using Polytraders.Trading.Momentum;
using Xunit.Abstractions;

namespace Polytraders.Core.Tests.Momentum;

/// <summary>
/// Pins every decision of <see cref="MomentumReplay"/> by the SHA-256 of its canonical text. The text itself is kept
/// beside this file so a mismatch can show the first lines that changed. After an intended change of behaviour, run
/// with POLYTRADERS_UPDATE_GOLDEN=1 to rewrite the text, then pin the hash the test prints.
/// </summary>
public class MomentumReplayGoldenTests(ITestOutputHelper output)
{
    private const string PinnedHash = "20ad9ea22e749836058898391df008f2d36f2e9030fabc9bc72d6446ecbe3c06";

    private static string GoldenPath([CallerFilePath] string here = "") =>
        Path.Combine(Path.GetDirectoryName(here)!, "Golden", "momentum_replay.txt");

    [Fact]
    public void momentum_replay_order_list_hash()
    {
        var log = MomentumReplay.Run();
        if (Environment.GetEnvironmentVariable("POLYTRADERS_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(GoldenPath())!);
            File.WriteAllText(GoldenPath(), log.Text);
        }

        var hash = log.Hash();
        if (hash != PinnedHash)
        {
            var expected = File.Exists(GoldenPath()) ? File.ReadAllLines(GoldenPath()) : [];
            var differences = DecisionLog.FirstDifferences(expected, log.Lines);
            output.WriteLine($"replay hash {hash}, pinned {PinnedHash}; {log.Lines.Count} lines; first differences from {GoldenPath()}:");
            foreach (var difference in differences)
            {
                output.WriteLine(difference);
            }

            Assert.Fail($"The momentum replay decided differently: hash {hash}, pinned {PinnedHash}.\n{string.Join("\n", differences)}");
        }
    }

    [Fact]
    public void the_golden_text_is_the_pinned_one()
    {
        Assert.Equal(PinnedHash, DecisionLog.HashOf(File.ReadAllText(GoldenPath())));
    }
}
