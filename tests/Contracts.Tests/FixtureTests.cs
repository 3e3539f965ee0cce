using System.Text.Json.Nodes;
using Polytraders.Trading.Validation;

namespace Polytraders.Contracts.Tests;

/// <summary>fixtures/good pass their schema and rules; fixtures/bad fail for exactly the rule their _why_bad names.</summary>
public sealed class FixtureTests
{
    public static TheoryData<string, string> GoodFixtures => Repo.FixtureFiles("good");

    public static TheoryData<string, string> BadFixtures => Repo.FixtureFiles("bad");

    public static TheoryData<string, string> PendingFixtures => Repo.FixtureFiles(Path.Combine("pending", "bad"));

    public static TheoryData<string> SchemaTitles => new(Repo.SchemaTitles);

    [Theory]
    [MemberData(nameof(GoodFixtures))]
    public async Task good_fixture_passes_schema_and_rules(string schema, string fixture)
    {
        var result = FixtureVerifier.VerifyGood(await Repo.Validator(), schema, Repo.FixturePath(fixture));

        Assert.True(result.Passed, result.ToString());
    }

    [Theory]
    [MemberData(nameof(BadFixtures))]
    public async Task bad_fixture_is_rejected_for_the_rule_it_names(string schema, string fixture)
    {
        var result = FixtureVerifier.VerifyBad(await Repo.Validator(), schema, Repo.FixturePath(fixture));

        Assert.True(result.Passed, result.ToString());
    }

    [Theory]
    [MemberData(nameof(SchemaTitles))]
    public void every_schema_title_has_a_good_and_a_bad_fixture(string schema)
    {
        foreach (var kind in new[] { "good", "bad" })
        {
            var directory = Path.Combine(Repo.Fixtures, kind, schema);
            Assert.True(
                Directory.Exists(directory) && Directory.EnumerateFiles(directory, "*.json").Any(),
                $"schema {schema} has no {kind} fixture: add fixtures/{kind}/{schema}/<what_it_shows>.json");
        }
    }

    [Fact]
    public async Task fixture_coverage_is_checked_for_every_schema_the_validator_loads()
    {
        var validator = await Repo.Validator();

        Assert.Equal(Repo.SchemaTitles, validator.SchemaTitles.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task the_core_contracts_are_all_schemas()
    {
        var validator = await Repo.Validator();

        Assert.All(Repo.CoreSchemaTitles, title => Assert.Contains(title, validator.SchemaTitles));
    }

    [Fact]
    public void every_fixture_folder_is_named_after_a_schema_title()
    {
        // FixtureVerifier only visits folders named after a schema; a misspelt folder would be skipped in silence.
        var folders = new[] { "good", "bad", Path.Combine("pending", "bad") }
            .Select(kind => Path.Combine(Repo.Fixtures, kind))
            .Where(Directory.Exists)
            .SelectMany(Directory.GetDirectories)
            .Select(Path.GetFileName);

        Assert.All(folders, folder => Assert.Contains(folder, Repo.SchemaTitles));
    }

    [Fact]
    public async Task verify_visits_every_fixture_and_all_pass()
    {
        var results = FixtureVerifier.Verify(await Repo.Validator(), Repo.Fixtures);
        var files = GoodFixtures.Count() + BadFixtures.Count();

        Assert.Equal(files, results.Count);
        Assert.All(results, r => Assert.True(r.Passed, r.ToString()));
    }

    [Theory]
    [MemberData(nameof(BadFixtures))]
    public void bad_fixture_opens_with_its_why_bad_and_carries_no_other_annotation(string schema, string fixture)
    {
        var document = JsonNode.Parse(File.ReadAllText(Repo.FixturePath(fixture)))!.AsObject();

        Assert.True(document.First().Key == FixtureVerifier.WhyBadField, $"{schema}: {fixture} must open with {FixtureVerifier.WhyBadField}");
        Assert.Single(document, p => p.Key.StartsWith('_'));
    }

    /// <summary>
    /// fixtures/pending/bad holds bad fixtures whose rule does not exist yet (see docs/contracts.md). Each must still be
    /// accepted, i.e. otherwise valid: when its rule lands this test fails, and the fixture moves to fixtures/bad.
    /// A fact over the folder rather than a theory, so it holds (and keeps guarding) while the folder is empty.
    /// </summary>
    [Fact]
    public async Task pending_fixtures_are_accepted_until_their_rule_exists()
    {
        var validator = await Repo.Validator();

        Assert.All(PendingFixtures, row =>
        {
            var (schema, fixture) = ((string)row[0], (string)row[1]);
            var result = FixtureVerifier.VerifyBad(validator, schema, Repo.FixturePath(fixture));

            Assert.False(result.Passed, $"{fixture} is now rejected for the rule it names: move it to fixtures/bad/{schema}/");
            Assert.True(result.Problem!.Contains("was accepted", StringComparison.Ordinal), $"{fixture}: {result.Problem}");
        });
    }

    /// <summary>
    /// The gateway answers scope errors with the STRAT_SCOPE_* code the desk knows, bad momentum parameters with
    /// STRAT_INVALID_PARAMETERS; other errors with STRAT_INVALID_LAUNCH or GOV_INVALID_REQUEST.
    /// </summary>
    [Theory]
    [InlineData("bad/MarketScope/manual_scope_with_51_markets.json", "MarketScope", ReasonCodes.StratScopeTooManyMarkets)]
    [InlineData("bad/MarketScope/duplicate_market_in_manual_list.json", "MarketScope", ReasonCodes.StratScopeDuplicateMarket)]
    [InlineData("bad/MarketScope/manual_scope_empty_list.json", "MarketScope", ReasonCodes.StratScopeEmpty)]
    [InlineData("bad/MarketScope/mixed_modes_cluster_id_and_market_ids.json", "MarketScope", ReasonCodes.StratScopeMixedModes)]
    [InlineData("bad/MarketScope/cluster_mode_with_market_ids.json", "MarketScope", ReasonCodes.StratScopeMixedModes)]
    [InlineData("bad/MarketScope/cluster_mode_without_cluster_id.json", "MarketScope", ReasonCodes.StratInvalidLaunch)]
    [InlineData("bad/MarketScope/manual_mode_without_market_ids.json", "MarketScope", ReasonCodes.StratInvalidLaunch)]
    [InlineData("bad/MarketScope/unknown_mode_watchlist.json", "MarketScope", ReasonCodes.StratInvalidLaunch)]
    [InlineData("bad/MarketScope/same_market_in_two_letter_cases.json", "MarketScope", ReasonCodes.StratScopeDuplicateMarket)]
    [InlineData("bad/StrategyLaunch/manual_scope_with_51_markets.json", "StrategyLaunch", ReasonCodes.StratScopeTooManyMarkets)]
    [InlineData("bad/StrategyLaunch/duplicate_market_in_manual_scope.json", "StrategyLaunch", ReasonCodes.StratScopeDuplicateMarket)]
    [InlineData("bad/StrategyLaunch/mixed_scope_modes.json", "StrategyLaunch", ReasonCodes.StratScopeMixedModes)]
    [InlineData("bad/StrategyLaunch/unknown_family.json", "StrategyLaunch", ReasonCodes.StratInvalidLaunch)]
    [InlineData("bad/StrategyLaunch/order_size_zero.json", "StrategyLaunch", ReasonCodes.StratInvalidParameters)]
    [InlineData("bad/StrategyLaunch/slow_lookback_not_above_fast.json", "StrategyLaunch", ReasonCodes.StratInvalidParameters)]
    [InlineData("bad/PortfolioConfig/bankroll_with_7_decimals.json", "PortfolioConfig", ReasonCodes.GovInvalidRequest)]
    public async Task violation_carries_the_registered_reason_code_the_gateway_answers_with(string fixture, string schema, string code)
    {
        var document = JsonNode.Parse(File.ReadAllText(Repo.FixturePath(fixture)))!.AsObject();
        document.Remove(FixtureVerifier.WhyBadField);

        var violations = (await Repo.Validator()).Validate(schema, document.ToJsonString());

        Assert.Contains(violations, v => v.ReasonCode == code);
        Assert.All(violations, v => Assert.True(ReasonCodes.IsRegistered(v.ReasonCode), v.ToString()));
    }

    /// <summary>A scope that lacks its cluster or its list, or names an unknown mode, mixes nothing: it is not answered as mixed modes.</summary>
    [Theory]
    [InlineData("bad/MarketScope/cluster_mode_without_cluster_id.json")]
    [InlineData("bad/MarketScope/manual_mode_without_market_ids.json")]
    [InlineData("bad/MarketScope/unknown_mode_watchlist.json")]
    public async Task a_scope_that_mixes_nothing_is_not_reported_as_mixed_modes(string fixture)
    {
        var document = JsonNode.Parse(File.ReadAllText(Repo.FixturePath(fixture)))!.AsObject();
        document.Remove(FixtureVerifier.WhyBadField);

        var violations = (await Repo.Validator()).Validate("MarketScope", document.ToJsonString());

        Assert.NotEmpty(violations);
        Assert.DoesNotContain(violations, v => v.ReasonCode == ReasonCodes.StratScopeMixedModes);
    }
}
