using System.Buffers;

namespace Polytraders.Contracts.Tests;

/// <summary>
/// The compile-time envelope writer (what the audit chain hashes) writes exactly the bytes of the reflection-based
/// ContractJson, for every good envelope and for every good contract an envelope can carry in its payload: a byte of
/// difference would give every chain new hashes.
/// </summary>
public sealed class EnvelopeSerializationTests
{
    public static TheoryData<string, string> PayloadFixtures
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var schema in (string[])["AuditEnvelope", "StrategyLaunch", "Signal", "OrderIntent", "Order", "Fill"])
            {
                foreach (var file in FixturesOf(schema))
                {
                    data.Add(schema, $"good/{schema}/{Path.GetFileName(file)}");
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(PayloadFixtures))]
    public void generated_writer_matches_contract_json_byte_for_byte(string schema, string fixture)
    {
        var envelope = EnvelopeCarrying(schema, File.ReadAllText(Repo.FixturePath(fixture)));

        var buffer = new ArrayBufferWriter<byte>();
        ContractJson.SerializeEnvelopeTo(buffer, envelope);

        Assert.Equal(ContractJson.SerializeToUtf8Bytes(envelope), buffer.WrittenSpan.ToArray());
    }

    private static AuditEnvelope EnvelopeCarrying(string schema, string json)
    {
        var envelope = ContractJson.Deserialize<AuditEnvelope>(File.ReadAllText(FixturesOf("AuditEnvelope")[0]));
        return schema switch
        {
            "AuditEnvelope" => ContractJson.Deserialize<AuditEnvelope>(json),
            "StrategyLaunch" => envelope with { Payload = new AuditPayload { Kind = AuditPayloadKind.Launch, Launch = ContractJson.Deserialize<StrategyLaunch>(json) } },
            "Signal" => envelope with { Payload = new AuditPayload { Kind = AuditPayloadKind.Signal, Signal = ContractJson.Deserialize<Signal>(json) } },
            "OrderIntent" => envelope with { Payload = new AuditPayload { Kind = AuditPayloadKind.RiskReshaped, Intent = ContractJson.Deserialize<OrderIntent>(json), ReshapedIntent = ContractJson.Deserialize<OrderIntent>(json) } },
            "Order" => envelope with { Payload = new AuditPayload { Kind = AuditPayloadKind.Order, Order = ContractJson.Deserialize<Order>(json) } },
            "Fill" => envelope with { Payload = new AuditPayload { Kind = AuditPayloadKind.Fill, Fill = ContractJson.Deserialize<Fill>(json) } },
            _ => throw new ArgumentOutOfRangeException(nameof(schema), schema, "not a payload contract"),
        };
    }

    private static string[] FixturesOf(string schema) =>
        [.. Directory.GetFiles(Repo.FixturePath($"good/{schema}"), "*.json").Order(StringComparer.Ordinal)];
}
