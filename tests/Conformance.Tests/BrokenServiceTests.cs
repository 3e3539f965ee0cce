using Xunit.Abstractions;

namespace Polytraders.Conformance.Tests;

/// <summary>The suite can fail: each broken service is caught, and the cases that catch it are named.</summary>
[Collection(WithEmbeddedSilo.Name)]
public sealed class BrokenServiceTests(EmbeddedSiloService service, ITestOutputHelper output)
{
    [Fact]
    public async Task a_launch_refusal_without_its_reason_code_fails_the_launch_fixture_cases()
    {
        var result = await RunAsync("^bad/(StrategyLaunch|TradingStateChange)/", new DropsTheReasonCodeOfLaunchRefusals());

        Assert.All(result.Cases.Where(c => c.Name.StartsWith("bad/StrategyLaunch/", StringComparison.Ordinal)), c =>
            Assert.Contains("reason_code: expected", c.Failure, StringComparison.Ordinal));
        Assert.All(result.Cases.Where(c => c.Name.StartsWith("bad/TradingStateChange/", StringComparison.Ordinal)), c => Assert.True(c.Passed));
    }

    [Fact]
    public async Task a_skipped_envelope_fails_the_cluster_launch()
    {
        var result = await RunAsync("^launch-on-cluster$", new SkipsAnEnvelope());

        var failure = Assert.Single(result.Cases, c => !c.Passed);
        Assert.Equal("launch-on-cluster", failure.Name);
        Assert.Contains("chain broken", failure.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_corrupted_prev_hash_fails_every_case_reading_the_chain()
    {
        var result = await RunAsync("^(launch-on-cluster|unknown-ids)$", new CorruptsAPrevHash());

        var failure = Assert.Single(result.Cases, c => !c.Passed);
        Assert.Equal("launch-on-cluster", failure.Name);
        Assert.Contains("sequence 2: prev_hash is not the hash of the link before", failure.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_reviewer_allowed_to_write_fails_the_reviewer_cases()
    {
        var result = await RunAsync("^(reviewer-writes-refused|backtest-refused-to-reviewers|anonymous-refused)$", new LetsAReviewerWrite());

        Assert.Equal(["backtest-refused-to-reviewers", "reviewer-writes-refused"], result.Cases.Where(c => !c.Passed).Select(c => c.Name).Order(StringComparer.Ordinal));
        Assert.All(result.Cases.Where(c => !c.Passed), c => Assert.Contains("status: expected 403, got 200", c.Failure, StringComparison.Ordinal));
    }

    private async Task<SuiteResult> RunAsync(string only, BrokenAnswers broken)
    {
        using var lines = new StringWriter();
        var result = await service.RunSuiteAsync(only, lines, broken);
        output.WriteLine(lines.ToString());
        Assert.NotEmpty(result.Cases);
        return result;
    }
}
