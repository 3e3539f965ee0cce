using System.Reflection;
using System.Text.Json.Nodes;

namespace Polytraders.Contracts.Tests;

/// <summary>schemas/ReasonCodes.json is the one registry: valid, unique, and identical to the generated constants.</summary>
public sealed class ReasonCodeRegistryTests
{
    private const string ExpectedPattern = "^(INTEL|DISC|STRAT|RISK|EXEC|SEC|GOV)_[A-Z0-9_]+$";

    private static ReasonCodeRegistry Registry => ContractJson.Deserialize<ReasonCodeRegistry>(File.ReadAllText(Repo.Registry));

    [Fact]
    public async Task registry_validates_against_the_reason_code_registry_schema()
    {
        var violations = (await Repo.Validator()).Validate(nameof(ReasonCodeRegistry), File.ReadAllText(Repo.Registry));

        Assert.Empty(violations);
    }

    [Fact]
    public void registry_codes_are_unique()
    {
        var duplicates = Registry.Codes.GroupBy(e => e.Code, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key);

        Assert.Empty(duplicates);
    }

    [Fact]
    public void registry_codes_match_the_reason_code_pattern_of_common_json()
    {
        var common = JsonNode.Parse(File.ReadAllText(Path.Combine(Repo.Schemas, "common.json")))!;
        var pattern = common["definitions"]!["ReasonCode"]!["pattern"]!.GetValue<string>();

        Assert.Equal(ExpectedPattern, pattern);
        Assert.All(Registry.Codes, e => Assert.Matches(pattern, e.Code));
    }

    [Fact]
    public void registry_code_prefix_is_its_family()
    {
        Assert.All(Registry.Codes, e => Assert.StartsWith(e.Family.ToString().ToUpperInvariant() + "_", e.Code, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("STRAT_MARKET_IN_SCOPE")]
    [InlineData("STRAT_MARKET_OUT_OF_SCOPE")]
    [InlineData("STRAT_MOMENTUM_LONG")]
    [InlineData("STRAT_MOMENTUM_EXIT")]
    [InlineData("STRAT_RESHAPED_BY_RISK")]
    [InlineData("STRAT_SCOPE_MIXED_MODES")]
    [InlineData("STRAT_SCOPE_TOO_MANY_MARKETS")]
    [InlineData("STRAT_SCOPE_DUPLICATE_MARKET")]
    [InlineData("STRAT_SCOPE_EMPTY")]
    [InlineData("STRAT_INVALID_LAUNCH")]
    [InlineData("GOV_INVALID_REQUEST")]
    public void registry_holds(string code)
    {
        Assert.Contains(Registry.Codes, e => e.Code == code);
        Assert.True(ReasonCodes.IsRegistered(code));
    }

    [Fact]
    public void generated_reason_codes_all_equals_the_registry_entry_for_entry()
    {
        // Records holding lists compare by reference, so compare their contract JSON: same codes, order, families,
        // meanings, emitters and statuses.
        Assert.Equal(ContractJson.Serialize(Registry.Codes), ContractJson.Serialize(ReasonCodes.All.ToList()));
    }

    [Fact]
    public void generated_constants_are_exactly_the_registered_codes()
    {
        var constants = typeof(ReasonCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .Order(StringComparer.Ordinal);

        Assert.Equal(Registry.Codes.Select(e => e.Code).Order(StringComparer.Ordinal), constants);
    }

    [Fact]
    public void is_registered_is_exact_and_case_sensitive()
    {
        Assert.True(ReasonCodes.IsRegistered(ReasonCodes.StratMomentumLong));
        Assert.False(ReasonCodes.IsRegistered("strat_momentum_long"));
        Assert.False(ReasonCodes.IsRegistered("STRAT_MOMENTUM_SHORT"));
        Assert.Throws<ArgumentException>(() => ReasonCodes.Describe("STRAT_MOMENTUM_SHORT"));
    }
}
