using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Polytraders.Contracts;
using Polytraders.Grains.Serialization;
using Polytraders.Trading;
using Polytraders.Trading.Momentum;
using Polytraders.Trading.Risk;

namespace Polytraders.Grains.Tests;

/// <summary>
/// The contracts carry no Orleans attributes: every good fixture crosses the Orleans wire (serializer and deep copier,
/// through the generated surrogates) and comes back as the same document, as do the core's state types (their surrogates).
/// </summary>
[Collection(SpineCollection.Name)]
public sealed class WireFormTests(SpineCluster spine)
{
    private static readonly string Fixtures = Path.Combine(TestRepo.Root(), "fixtures");

    public static TheoryData<string, string> GoodFixtures()
    {
        var data = new TheoryData<string, string>();
        foreach (var schemaDirectory in Directory.GetDirectories(Path.Combine(Fixtures, "good")).Order(StringComparer.Ordinal))
        {
            foreach (var file in Directory.GetFiles(schemaDirectory, "*.json").Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetFileName(schemaDirectory), Path.GetRelativePath(Fixtures, file));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(GoodFixtures))]
    public void every_good_fixture_crosses_the_orleans_wire_unchanged(string schema, string fixture)
    {
        var type = typeof(OrderIntent).Assembly.GetType($"{typeof(OrderIntent).Namespace}.{schema}")
            ?? throw new InvalidOperationException($"no contract type for {schema}");
        var value = Invoke(nameof(ContractJson.Deserialize), type, File.ReadAllText(Path.Combine(Fixtures, fixture)));
        var services = spine.Cluster.Client.ServiceProvider;

        var wired = typeof(WireFormTests).GetMethod(nameof(Wire), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(type).Invoke(null, [services.GetRequiredService<Serializer>(), value])!;
        var copied = services.GetRequiredService<DeepCopier>().Copy(value);

        Assert.IsType(type, wired);
        Assert.NotSame(value, copied);
        var expected = JsonNode.Parse(Json(type, value));
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(Json(type, wired))), $"{fixture} changed on the wire");
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(Json(type, copied))), $"{fixture} changed when copied");
    }

    [Fact]
    public void core_state_kept_in_grain_state_round_trips_through_the_silo_serializer()
    {
        var states = new object[]
        {
            RiskBookSample.Book(),
            new MomentumStrategyState { Sequence = 7, Positions = { ["0xabc"] = MomentumPosition.FlatIn("0xabc", "123") with { Phase = MomentumPhase.Long, Size = 10m, EntryPrice = 0.42m } } },
        };
        var serializer = spine.Cluster.Silos[0].ServiceProvider.GetRequiredService<Serializer>();

        foreach (var state in states)
        {
            Assert.Contains(state.GetType(), CoreStateSerialization.Surrogates.Keys);
            var back = serializer.Deserialize<object>(serializer.SerializeToArray<object>(state))!;
            Assert.Equal(System.Text.Json.JsonSerializer.Serialize(state, state.GetType()), System.Text.Json.JsonSerializer.Serialize(back, back.GetType()));
        }

        var book = serializer.Deserialize<RiskBook>(serializer.SerializeToArray(RiskBookSample.Book()))!;
        Assert.True(RiskEngine.For(spine.Replay.Portfolios[0], book).HasBooked(RiskBookSample.Fill("paper:COID-2:1")));
    }

    [Fact]
    public void every_property_of_a_core_state_type_has_a_field_in_its_surrogate()
    {
        foreach (var pair in CoreStateSerialization.Surrogates)
        {
            var (type, surrogate) = (pair.Key, pair.Value);
            var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).Select(p => p.Name).Order(StringComparer.Ordinal);
            var fields = surrogate.GetFields(BindingFlags.Public | BindingFlags.Instance).Select(f => f.Name).Order(StringComparer.Ordinal);
            Assert.Equal(properties, fields);
        }
    }

    /// <summary>Typed, as a grain call carries it: the declared type is the contract's, so no type name is written.</summary>
    private static T Wire<T>(Serializer serializer, T value) => serializer.Deserialize<T>(serializer.SerializeToArray(value))!;

    private static string Json(Type type, object value) => (string)Invoke(nameof(ContractJson.Serialize), type, value);

    private static object Invoke(string method, Type type, object argument) =>
        typeof(ContractJson).GetMethod(method, BindingFlags.Public | BindingFlags.Static)!.MakeGenericMethod(type).Invoke(null, [argument])!;

    private static class RiskBookSample
    {
        public static Fill Fill(string id) => new()
        {
            FillId = id,
            ClientOrderId = id.Split(':')[1],
            PortfolioId = "PORT-001",
            MarketId = "0xabc",
            TokenId = "123",
            Side = Side.Buy,
            Size = 10m,
            Price = 0.42m,
            Fee = 0m,
            FilledAt = DateTimeOffset.UnixEpoch,
            Venue = FillVenue.Paper,
            Status = FillStatus.Matched,
        };

        public static RiskBook Book()
        {
            var book = RiskBook.Opening(1_000m);
            book.Positions["123"] = new RiskPosition { MarketId = "0xabc", TokenId = "123", Size = 10m, CostBasis = 4.2m, ClusterIds = ["crypto"], RealisedPnl = -0.5m };
            book.OpenOrders["COID-2"] = new OpenOrder { ClientOrderId = "COID-2", MarketId = "0xabc", TokenId = "123", Side = Side.Sell, RemainingSize = 5m, LimitPrice = 0.5m, ClusterIds = ["crypto"], Fills = ["paper:COID-2:1"] };
            book.TradingState = TradingState.Reducing;
            book.PnlDay = new DateOnly(2026, 12, 3);
            book.RealisedPnlToday = -1.25m;
            return book;
        }
    }
}
