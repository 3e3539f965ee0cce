using Microsoft.Extensions.Configuration;
using Polytraders.Contracts;
using Polytraders.Silo.Backtest;

namespace Polytraders.Gateway.Tests;

/// <summary><c>Polytraders.Silo backtest</c>: the summary and report, help, where data sets are found, and refusals with their codes.</summary>
public sealed class BacktestCommandTests
{
    private static readonly IConfiguration NoConfiguration = new ConfigurationBuilder().Build();

    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    [Fact]
    public async Task the_command_line_runs_a_request_and_writes_a_self_contained_report_badged_on_every_panel()
    {
        var report = Path.Combine(Path.GetTempPath(), $"backtest-{Guid.NewGuid():N}.html");
        try
        {
            var exit = await Run("--request", BacktestRequests.SamplePath(), "--data-dir", BacktestRequests.DataRoot(), "--report", report, "--id", "BT-cli-test-0001");

            Assert.True(exit == 0, _error.ToString());
            Assert.Contains(BacktestRequests.SampleCryptoHash, _output.ToString(), StringComparison.Ordinal);
            Assert.Contains("| badge", _output.ToString(), StringComparison.Ordinal);
            var html = await File.ReadAllTextAsync(report);
            var panels = html.Split("<section>").Length - 1;
            Assert.True(panels >= 6);
            Assert.Equal(panels, html.Split("<span class=\"badge\">BACKTEST</span>").Length - 1);
            Assert.Equal(2, html.Split("<svg").Length - 1);
            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("src=", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("href=", html, StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            File.Delete(report);
        }

        Assert.Equal(1, await Run("--request", BacktestRequests.SamplePath(), "--data-dir", BacktestRequests.DataRoot(), "--days", "181", "--report", "-"));
        Assert.Contains(ReasonCodes.StratBacktestWindowTooLong, _error.ToString(), StringComparison.Ordinal);
        Assert.Equal(64, await Run("--nonsense", "1"));
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("--request", "x.json", "--help")]
    public async Task help_prints_the_usage_and_exits_0(params string[] args)
    {
        Assert.Equal(0, await Run(args));

        Assert.StartsWith("usage: Polytraders.Silo backtest", _output.ToString(), StringComparison.Ordinal);
        Assert.Contains("--data-dir", _output.ToString(), StringComparison.Ordinal);
        Assert.Empty(_error.ToString());
    }

    [Fact]
    public async Task without_data_dir_the_data_sets_are_read_from_Backtest_DataDirectory()
    {
        // A data set only the configured directory holds: the defaults (fixtures/backtest above the binaries) do not.
        var root = Directory.CreateTempSubdirectory("polytraders-data-dir-").FullName;
        var report = Path.Combine(root, "report.html");
        try
        {
            var copy = Directory.CreateDirectory(Path.Combine(root, "configured-only")).FullName;
            foreach (var file in Directory.GetFiles(Path.Combine(BacktestRequests.DataRoot(), "sample")))
            {
                File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
            }

            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Backtest:DataDirectory"] = root }).Build();

            var exit = await BacktestCommand.RunAsync(["--request", BacktestRequests.SamplePath(), "--dataset", "configured-only", "--report", report], configuration, _output, _error);

            Assert.True(exit == 0, _error.ToString());
            Assert.Contains($"data set 'configured-only' ({root})", _output.ToString(), StringComparison.Ordinal);
            Assert.Contains(BacktestRequests.SampleCryptoHash, _output.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task a_missing_data_set_and_a_window_without_prices_are_refused_with_their_codes()
    {
        Assert.Equal(1, await Run("--request", BacktestRequests.SamplePath(), "--data-dir", BacktestRequests.DataRoot(), "--dataset", "no-such-data", "--report", "-"));
        Assert.Contains($"{ReasonCodes.StratBacktestUnknownDataset}: No Backtest data set 'no-such-data' in ", _error.ToString(), StringComparison.Ordinal);

        Assert.Equal(1, await Run("--request", BacktestRequests.SamplePath(), "--data-dir", BacktestRequests.DataRoot(), "--start", "2026-10-01T00:00:00Z", "--end", "2026-10-02T00:00:00Z", "--report", "-"));
        Assert.Contains($"{ReasonCodes.StratBacktestNoDataInWindow}: The window ", _error.ToString(), StringComparison.Ordinal);
    }

    private Task<int> Run(params string[] args) => BacktestCommand.RunAsync(args, NoConfiguration, _output, _error);
}
