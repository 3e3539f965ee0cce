using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Polytraders.Contracts.Tests;

/// <summary>Every good fixture survives ContractJson into its generated type and back, and still validates.</summary>
public sealed class RoundTripTests
{
    public static TheoryData<string, string> GoodFixtures => Repo.FixtureFiles("good");

    private static readonly MethodInfo DeserializeMethod = typeof(ContractJson).GetMethod(nameof(ContractJson.Deserialize))!;
    private static readonly MethodInfo SerializeMethod = typeof(ContractJson).GetMethod(nameof(ContractJson.Serialize))!;

    private static Type ContractType(string schema) =>
        typeof(PortfolioConfig).Assembly.GetType($"{typeof(PortfolioConfig).Namespace}.{schema}")
        ?? throw new InvalidOperationException($"no generated type for schema {schema}");

    private static (object Value, string Json) RoundTrip(string schema, string json)
    {
        var type = ContractType(schema);
        var value = DeserializeMethod.MakeGenericMethod(type).Invoke(null, [json])!;
        return (value, (string)SerializeMethod.MakeGenericMethod(type).Invoke(null, [value])!);
    }

    [Theory]
    [MemberData(nameof(GoodFixtures))]
    public async Task good_fixture_round_trips_through_its_generated_type_and_still_validates(string schema, string fixture)
    {
        var original = File.ReadAllText(Repo.FixturePath(fixture));

        var (value, json) = RoundTrip(schema, original);

        Assert.IsType(ContractType(schema), value);
        Assert.Empty((await Repo.Validator()).Validate(schema, json));
        AssertEquivalent(JsonNode.Parse(original), JsonNode.Parse(json), "#");
    }

    [Theory]
    [MemberData(nameof(GoodFixtures))]
    public void good_fixture_round_trip_is_stable(string schema, string fixture)
    {
        var (_, once) = RoundTrip(schema, File.ReadAllText(Repo.FixturePath(fixture)));
        var (_, twice) = RoundTrip(schema, once);

        Assert.Equal(once, twice);
    }

    [Fact]
    public void money_is_a_decimal_in_csharp_and_a_decimal_string_on_the_wire()
    {
        var json = File.ReadAllText(Repo.FixturePath("good/PortfolioConfig/port_002_limits_equal_bankroll_optional_limits_omitted.json"));

        var config = ContractJson.Deserialize<PortfolioConfig>(json);
        var back = JsonNode.Parse(ContractJson.Serialize(config))!;

        Assert.Equal(5000.125m, config.Bankroll);
        Assert.Equal(100.5m, config.RiskLimits.MaxOrderNotional);
        Assert.Equal(JsonValueKind.String, back["bankroll"]!.GetValueKind());
        Assert.Equal("5000.125", back["bankroll"]!.GetValue<string>());
        Assert.Equal("100.5", back["risk_limits"]!["max_order_notional"]!.GetValue<string>());
        Assert.Null(back["risk_limits"]!["price_band"]);
    }

    [Fact]
    public void prices_keep_their_written_scale()
    {
        var edge = ContractJson.Deserialize<OrderIntent>(File.ReadAllText(Repo.FixturePath("good/OrderIntent/limit_price_at_upper_bound_0_999999.json")));
        var entry = ContractJson.Deserialize<OrderIntent>(File.ReadAllText(Repo.FixturePath("good/OrderIntent/momentum_long_buy_btc_120k.json")));
        var exit = ContractJson.Deserialize<OrderIntent>(File.ReadAllText(Repo.FixturePath("good/OrderIntent/momentum_exit_take_profit_without_reason_code.json")));

        Assert.Equal(0.999999m, edge.LimitPrice);
        Assert.Contains("\"limit_price\":\"0.999999\"", ContractJson.Serialize(edge), StringComparison.Ordinal);
        Assert.Contains("\"size\":\"100.123456\"", ContractJson.Serialize(edge), StringComparison.Ordinal);
        Assert.Contains("\"limit_price\":\"0.50\"", ContractJson.Serialize(entry), StringComparison.Ordinal);
        Assert.Null(exit.ReasonCode);
        Assert.DoesNotContain("\"reason_code\":", ContractJson.Serialize(exit), StringComparison.Ordinal);
    }

    [Fact]
    public void wire_enum_spellings_survive()
    {
        var config = ContractJson.Deserialize<PortfolioConfig>(File.ReadAllText(Repo.FixturePath("good/PortfolioConfig/port_001_desk_worked_example.json")));
        var envelope = ContractJson.Deserialize<AuditEnvelope>(File.ReadAllText(Repo.FixturePath("good/AuditEnvelope/backtest_fill_with_badge_and_backtest_id.json")));

        Assert.Equal(PortfolioConfigBaseCurrency.PUSD, config.BaseCurrency);
        Assert.Equal(Badge.Backtest, envelope.Badge);
        Assert.Equal(AuditEnvelopeMode.Backtest, envelope.Mode);
        Assert.Contains("\"base_currency\":\"pUSD\"", ContractJson.Serialize(config), StringComparison.Ordinal);
        Assert.Contains("\"badge\":\"BACKTEST\"", ContractJson.Serialize(envelope), StringComparison.Ordinal);
    }

    /// <summary>
    /// Same fields and values. Money, prices and ids are strings on both sides and equal as written; instants may be
    /// re-spelt (Z becomes +00:00) but are the same instant; numbers are equal as decimals.
    /// </summary>
    private static void AssertEquivalent(JsonNode? expected, JsonNode? actual, string path)
    {
        Assert.True(expected is not null && actual is not null, $"{path}: null");
        Assert.True(expected!.GetValueKind() == actual!.GetValueKind(), $"{path}: {expected.GetValueKind()} became {actual.GetValueKind()}");
        switch (expected)
        {
            case JsonObject expectedObject:
                var actualObject = actual.AsObject();
                Assert.True(
                    expectedObject.Select(p => p.Key).Order(StringComparer.Ordinal).SequenceEqual(actualObject.Select(p => p.Key).Order(StringComparer.Ordinal)),
                    $"{path}: fields {string.Join(",", expectedObject.Select(p => p.Key))} became {string.Join(",", actualObject.Select(p => p.Key))}");
                foreach (var (key, value) in expectedObject)
                {
                    AssertEquivalent(value, actualObject[key], $"{path}/{key}");
                }

                break;
            case JsonArray expectedArray:
                var actualArray = actual.AsArray();
                Assert.True(expectedArray.Count == actualArray.Count, $"{path}: {expectedArray.Count} items became {actualArray.Count}");
                for (var i = 0; i < expectedArray.Count; i++)
                {
                    AssertEquivalent(expectedArray[i], actualArray[i], $"{path}/{i}");
                }

                break;
            default:
                var kind = expected.GetValueKind();
                if (kind == JsonValueKind.Number)
                {
                    Assert.True(expected.GetValue<decimal>() == actual.GetValue<decimal>(), $"{path}: {expected} became {actual}");
                }
                else if (kind == JsonValueKind.String && IsInstant(expected.GetValue<string>(), out var before) && IsInstant(actual.GetValue<string>(), out var after))
                {
                    Assert.True(before == after, $"{path}: {expected} became {actual}");
                }
                else
                {
                    Assert.True(expected.ToJsonString() == actual.ToJsonString(), $"{path}: {expected.ToJsonString()} became {actual.ToJsonString()}");
                }

                break;
        }
    }

    private static bool IsInstant(string text, out DateTimeOffset instant)
    {
        instant = default;
        return text.Length >= 20 && text[10] == 'T'
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out instant);
    }
}
