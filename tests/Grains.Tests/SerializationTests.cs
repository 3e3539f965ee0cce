using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Polytraders.Contracts;

namespace Polytraders.Grains.Tests;

[Collection(SpineCollection.Name)]
public sealed class SerializationTests(SpineCluster spine)
{
    [Fact]
    public void command_results_and_audit_contexts_cross_grain_boundaries_intact()
    {
        var serializer = spine.Cluster.Client.ServiceProvider.GetRequiredService<Serializer>();
        var refused = CommandResult.Refused(ReasonCodes.StratScopeEmpty, "no market");
        var context = new AuditContext("TEN-DESK", "PORT-001", "momentum-crypto-1", "LCH-000000", AuditEnvelopeMode.Paper, "0x" + new string('1', 64));

        Assert.Equal(refused, serializer.Deserialize<CommandResult>(serializer.SerializeToArray(refused)));
        Assert.Equal(context, serializer.Deserialize<AuditContext>(serializer.SerializeToArray(context)));
    }
}
