using System.Text.Json.Nodes;
using Polytraders.Trading.Validation;

namespace Polytraders.Contracts.Tests;

/// <summary>The fixture checks are only worth something if they can fail: each way of fooling them is caught.</summary>
public sealed class FixtureVerifierCanFailTests
{
    private const string WorkedExample = "good/PortfolioConfig/port_001_desk_worked_example.json";
    private const string SevenDecimals = "bad/PortfolioConfig/bankroll_with_7_decimals.json";

    private static string CopyWith(Repo.TempDirectory temp, string fixture, Action<JsonObject> change)
    {
        var document = JsonNode.Parse(File.ReadAllText(Repo.FixturePath(fixture)))!.AsObject();
        change(document);
        var file = temp.Combine(Path.GetFileName(fixture));
        File.WriteAllText(file, document.ToJsonString());
        return file;
    }

    [Fact]
    public async Task a_broken_good_fixture_fails_verify_good()
    {
        using var temp = Repo.Temp();
        var file = CopyWith(temp, WorkedExample, d => d["bankroll"] = "25000.0000001");

        var result = FixtureVerifier.VerifyGood(await Repo.Validator(), "PortfolioConfig", file);

        Assert.False(result.Passed);
        Assert.Contains("good fixture rejected", result.Problem, StringComparison.Ordinal);
        Assert.Contains("PatternMismatch at #/bankroll", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_good_fixture_breaking_only_a_csharp_rule_fails_verify_good()
    {
        using var temp = Repo.Temp();
        var file = CopyWith(temp, WorkedExample, d => d["risk_limits"]!["max_gross_exposure"] = "30000");

        var result = FixtureVerifier.VerifyGood(await Repo.Validator(), "PortfolioConfig", file);

        Assert.False(result.Passed);
        Assert.Contains("ExposureAboveBankroll at #/risk_limits/max_gross_exposure", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_bad_fixture_naming_the_wrong_rule_fails_with_wrong_reason()
    {
        using var temp = Repo.Temp();
        var file = CopyWith(temp, SevenDecimals, d => d[FixtureVerifier.WhyBadField] = "NotInEnumeration at #/bankroll: claims the wrong rule");

        var result = FixtureVerifier.VerifyBad(await Repo.Validator(), "PortfolioConfig", file);

        Assert.False(result.Passed);
        Assert.Contains("wrong reason", result.Problem, StringComparison.Ordinal);
        Assert.Contains("PatternMismatch at #/bankroll", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_bad_fixture_naming_the_wrong_path_fails_with_wrong_reason()
    {
        using var temp = Repo.Temp();
        var file = CopyWith(temp, SevenDecimals, d => d[FixtureVerifier.WhyBadField] = "PatternMismatch at #/builderCode: right rule, wrong field");

        var result = FixtureVerifier.VerifyBad(await Repo.Validator(), "PortfolioConfig", file);

        Assert.False(result.Passed);
        Assert.Contains("wrong reason", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_bad_fixture_that_is_actually_valid_fails_as_accepted()
    {
        using var temp = Repo.Temp();
        var file = CopyWith(temp, WorkedExample, d => d[FixtureVerifier.WhyBadField] = "PatternMismatch at #/bankroll: but the bankroll is fine");

        var result = FixtureVerifier.VerifyBad(await Repo.Validator(), "PortfolioConfig", file);

        Assert.False(result.Passed);
        Assert.Contains("was accepted", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_bad_fixture_without_why_bad_fails()
    {
        using var temp = Repo.Temp();
        var file = CopyWith(temp, SevenDecimals, d => d.Remove(FixtureVerifier.WhyBadField));

        var result = FixtureVerifier.VerifyBad(await Repo.Validator(), "PortfolioConfig", file);

        Assert.False(result.Passed);
        Assert.Contains("has no _why_bad", result.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bankroll has 7 decimals")]
    [InlineData("PatternMismatch: #/bankroll")]
    [InlineData("PatternMismatch at bankroll: no leading #")]
    [InlineData("PatternMismatch at #/bankroll")]
    public async Task a_why_bad_not_in_the_rule_at_path_format_fails(string whyBad)
    {
        using var temp = Repo.Temp();
        var file = CopyWith(temp, SevenDecimals, d => d[FixtureVerifier.WhyBadField] = whyBad);

        var result = FixtureVerifier.VerifyBad(await Repo.Validator(), "PortfolioConfig", file);

        Assert.False(result.Passed);
        Assert.Contains("must read", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task verify_reports_a_broken_fixture_among_good_ones()
    {
        using var temp = Repo.Temp();
        Directory.CreateDirectory(temp.Combine("good", "PortfolioConfig"));
        Directory.CreateDirectory(temp.Combine("bad", "PortfolioConfig"));
        File.Copy(Repo.FixturePath(WorkedExample), temp.Combine("good", "PortfolioConfig", "ok.json"));
        File.Copy(Repo.FixturePath(WorkedExample), temp.Combine("bad", "PortfolioConfig", "not_bad_at_all.json"));
        var notBad = JsonNode.Parse(File.ReadAllText(temp.Combine("bad", "PortfolioConfig", "not_bad_at_all.json")))!.AsObject();
        notBad[FixtureVerifier.WhyBadField] = "PatternMismatch at #/bankroll: claims a problem that is not there";
        File.WriteAllText(temp.Combine("bad", "PortfolioConfig", "not_bad_at_all.json"), notBad.ToJsonString());

        var results = FixtureVerifier.Verify(await Repo.Validator(), temp.Path);

        Assert.Equal(2, results.Count);
        Assert.Single(results, r => r.Passed);
        Assert.Single(results, r => !r.Passed && r.Problem!.Contains("was accepted", StringComparison.Ordinal));
    }
}
