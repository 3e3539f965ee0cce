using System.Text.Json.Nodes;
using Polytraders.Trading.Validation;
using Polytraders.Trading.Validation.Rules;

namespace Polytraders.Contracts.Tests;

/// <summary>What the validator reports, beyond "the fixtures pass": pointer paths, their order, messages, embedded rules.</summary>
public sealed class ContractValidatorTests
{
    private static JsonObject Fixture(string relative)
    {
        var document = JsonNode.Parse(File.ReadAllText(Repo.FixturePath(relative)))!.AsObject();
        document.Remove(FixtureVerifier.WhyBadField);
        return document;
    }

    private static async Task<IReadOnlyList<ContractViolation>> Validate(string schema, JsonObject document) =>
        (await Repo.Validator()).Validate(schema, document.ToJsonString());

    [Fact]
    public async Task errors_inside_array_items_are_reported_where_they_are_as_json_pointers()
    {
        var registry = Fixture("good/ReasonCodeRegistry/four_codes_from_four_layers.json");
        registry["codes"]![1]!["code"] = "strat_scope_too_many_markets";
        registry["codes"]![0]!["emitted_by"]![2] = "frontend";

        var violations = await Validate("ReasonCodeRegistry", registry);

        Assert.Contains(violations, v => v is { Rule: "PatternMismatch", Path: "#/codes/1/code" });
        Assert.Contains(violations, v => v is { Rule: "NotInEnumeration", Path: "#/codes/0/emitted_by/2" });
        Assert.DoesNotContain(violations, v => v.Rule == "ArrayItemNotValid");
        Assert.All(violations, v => Assert.DoesNotMatch(@"[\[\].]", v.Path));
    }

    [Fact]
    public async Task nested_objects_are_pointers_and_the_document_itself_is_hash()
    {
        var config = Fixture("good/PortfolioConfig/port_001_desk_worked_example.json");
        config["risk_limits"]!["price_band"] = "1";

        Assert.Contains(await Validate("PortfolioConfig", config), v => v is { Rule: "PatternMismatch", Path: "#/risk_limits/price_band" });
        Assert.Contains(await Validate("MarketScope", new JsonObject { ["mode"] = "cluster" }), v => v is { Rule: "NotOneOf", Path: "#" });
    }

    [Fact]
    public async Task violations_are_ordered_by_path_then_rule()
    {
        var config = Fixture("good/PortfolioConfig/port_001_desk_worked_example.json");
        config["bankroll"] = "-1";
        config["risk_limits"]!["price_band"] = "1";
        config["risk_limits"]!["max_leverage"] = "3";
        config["cluster_caps"]![1]!["max_exposure"] = "1.0000001";
        config["a_field_nobody_knows"] = true;

        var violations = await Validate("PortfolioConfig", config);

        Assert.True(violations.Count >= 5, string.Join("; ", violations));
        var ordered = violations.OrderBy(v => v.Path, StringComparer.Ordinal).ThenBy(v => v.Rule, StringComparer.Ordinal);
        Assert.Equal(ordered, violations);
    }

    [Fact]
    public async Task an_error_on_an_array_item_without_a_property_name_is_described_by_its_path()
    {
        var violations = await Validate("Watchlist", Fixture("bad/Watchlist/market_id_is_a_slug.json"));

        var violation = Assert.Single(violations);
        Assert.StartsWith("'#/market_ids/2' does not match", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task family_mismatch_names_both_families_upper_case()
    {
        var violations = await Validate("ReasonCodeRegistry", Fixture("bad/ReasonCodeRegistry/family_mismatch.json"));

        var violation = Assert.Single(violations, v => v.Rule == "FamilyMismatch");
        Assert.Equal("'RISK_MAX_ORDER_NOTIONAL' is in family RISK, not EXEC", violation.Message);
    }

    [Fact]
    public void a_rule_checked_at_an_embedded_path_reports_under_that_path()
    {
        var fill = ContractJson.Deserialize<Fill>(Fixture("good/Fill/partial_buy_matched_on_polymarket.json").ToJsonString()) with { Size = 0m };

        var violation = Assert.Single(new FillRule().CheckAt(fill, "#/payload/fill"));

        Assert.Equal("#/payload/fill/size", violation.Path);
        Assert.Empty(new FillRule().CheckAt(null, "#/payload/fill"));
        Assert.Equal("#/items/3", new ContractViolation("GOV_INVALID_REQUEST", "Whole", "#", "the whole document").Under("#/items/3").Path);
    }

    [Fact]
    public async Task every_rule_checks_a_contract_the_validator_loads_and_each_contract_has_at_most_one_rule()
    {
        var titles = (await Repo.Validator()).SchemaTitles.ToHashSet(StringComparer.Ordinal);

        Assert.All(ContractRules.All, rule => Assert.Contains(rule.Schema, titles));
        Assert.Equal(ContractRules.All.Count, ContractRules.All.Select(r => r.Schema).Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData("0", true)]
    [InlineData("0.5", true)]
    [InlineData("0.443333333333333333", true)]
    [InlineData("1", true)]
    [InlineData("1.0", true)]
    [InlineData("1.000000000000000000", true)]
    [InlineData("1.5", false)]
    [InlineData("1.000000000000000001", false)]
    [InlineData("2", false)]
    [InlineData("01", false)]
    [InlineData("1.", false)]
    [InlineData("0.4433333333333333333", false)]
    public async Task an_average_price_is_between_0_and_1_per_share(string averagePrice, bool valid)
    {
        var state = Fixture("good/PortfolioState/port_001_running_one_position.json");
        state["positions"]![0]!["average_price"] = averagePrice;

        var violations = await Validate("PortfolioState", state);

        if (valid)
        {
            Assert.Empty(violations);
        }
        else
        {
            Assert.Contains(violations, v => v is { Rule: "PatternMismatch", Path: "#/positions/0/average_price" });
        }
    }

    [Fact]
    public async Task a_locked_book_is_not_crossed()
    {
        var update = Fixture("good/PriceUpdate/replay_btc_yes_with_book.json");
        update["best_bid"] = "0.51";

        Assert.Empty(await Validate("PriceUpdate", update));
    }

    [Fact]
    public async Task a_valid_chain_names_no_broken_envelope_either()
    {
        var verification = Fixture("good/ChainVerification/port_001_ten_links_valid.json");
        verification["first_broken_envelope_id"] = "77ced8f1-ab97-4ffb-a780-944a55b15ee5";

        Assert.Contains(await Validate("ChainVerification", verification), v => v is { Rule: "BrokenButValid", Path: "#/first_broken_envelope_id" });
    }

    [Fact]
    public async Task the_launch_in_a_strategy_state_obeys_the_launch_rules()
    {
        var state = Fixture("good/StrategyState/momentum_crypto_running_on_port_001.json");
        state["launch"]!["parameters"]!["slow_lookback"] = state["launch"]!["parameters"]!["fast_lookback"]!.DeepClone();

        Assert.Contains(await Validate("StrategyState", state), v => v is { Rule: "InvalidParameters", Path: "#/launch/parameters", ReasonCode: ReasonCodes.StratInvalidParameters });
    }

    [Fact]
    public async Task the_launch_in_an_audit_payload_obeys_the_launch_rules()
    {
        var envelope = Fixture("good/AuditEnvelope/seq01_launch_cluster_scope.json");
        envelope["payload"]!["launch"]!["parameters"]!["order_size"] = "0";

        Assert.Contains(await Validate("AuditEnvelope", envelope), v => v is { Rule: "InvalidParameters", Path: "#/payload/launch/parameters" });
    }

    [Fact]
    public async Task a_reshaped_intent_obeys_the_intent_rules()
    {
        var envelope = Fixture("good/AuditEnvelope/seq05_risk_reshaped_with_both_intents.json");
        envelope["payload"]!["reshaped_intent"]!["size"] = "0";

        Assert.Contains(await Validate("AuditEnvelope", envelope), v => v is { Rule: "SizeNotPositive", Path: "#/payload/reshaped_intent/size" });
    }
    [Theory]
    [InlineData("9223372036854775808")]
    [InlineData("-9223372036854775809")]
    [InlineData("18446744073709551616")]
    [InlineData("100000000000000000000000000000000000000000")]
    public async Task an_integer_beyond_64_bits_is_a_violation_at_its_place_not_an_exception(string number)
    {
        var json = Fixture("good/StrategyLaunch/momentum_on_crypto_cluster.json").ToJsonString();
        json = System.Text.RegularExpressions.Regex.Replace(json, "\"fast_lookback\":[0-9]+", $"\"fast_lookback\":{number}");

        var violations = (await Repo.Validator()).Validate("StrategyLaunch", json);

        var violation = Assert.Single(violations);
        Assert.Equal(("NumberOutOfRange", "#/parameters/fast_lookback", ReasonCodes.StratInvalidLaunch), (violation.Rule, violation.Path, violation.ReasonCode));
    }

    [Fact]
    public async Task the_largest_64_bit_integer_is_left_to_the_schema()
    {
        var json = Fixture("good/StrategyLaunch/momentum_on_crypto_cluster.json").ToJsonString();
        json = System.Text.RegularExpressions.Regex.Replace(json, "\"fast_lookback\":[0-9]+", "\"fast_lookback\":9223372036854775807");

        var violations = (await Repo.Validator()).Validate("StrategyLaunch", json);

        Assert.Contains(violations, v => v.Path == "#/parameters/fast_lookback" && v.Rule != "NumberOutOfRange");
    }
}
