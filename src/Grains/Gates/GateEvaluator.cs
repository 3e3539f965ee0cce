using Microsoft.Extensions.Options;
using Polytraders.Contracts;
using Polytraders.Grains.Bots;
using Polytraders.Grains.Execution;
using Polytraders.Trading.Gates;

namespace Polytraders.Grains.Gates;

/// <summary>
/// Runs the checks of evaluated checklist items against this deployment: the Bot catalogue, the storage profile, the
/// signing configuration and the audit trail. Each answer carries the evidence a reviewer reads.
/// </summary>
public sealed class GateEvaluator(BotCatalogueHost bots, DeploymentProfile deployment, IOptions<SigningOptions> signing, IGrainFactory grains)
{
    private const int Page = 1000;

    public async Task<IReadOnlyDictionary<GateProbe, GateEvaluation>> EvaluateAsync(string tenantId, BotClass botClass, IEnumerable<GateProbe> probes)
    {
        var evaluations = new Dictionary<GateProbe, GateEvaluation>();
        foreach (var probe in probes)
        {
            evaluations[probe] = await EvaluateAsync(tenantId, botClass, probe);
        }

        return evaluations;
    }

    private async Task<GateEvaluation> EvaluateAsync(string tenantId, BotClass botClass, GateProbe probe) => probe.Check switch
    {
        GateCheck.SpecsComplete => SpecsComplete((await bots.GetAsync()).All.Where(s => s.Class == botClass).ToList()),
        GateCheck.BotDemoWired => DemoWired((await bots.GetAsync()).All.Where(s => s.Class == botClass && s.Status >= BotStatus.DemoWired).ToList()),
        GateCheck.DurableStorage => new GateEvaluation(deployment.DurableStorage, $"this silo runs '{deployment.Name}'"),
        GateCheck.NonDevelopmentSigningKey => signing.Value.IsDevelopmentKey
            ? new GateEvaluation(false, "orders are signed with the development key (Signing:IsDevelopmentKey)")
            : new GateEvaluation(true, $"orders are signed with keystore {Path.GetFileName(signing.Value.KeystorePath)}"),
        GateCheck.PaperDecisionsAudited => await PaperDecisionsAsync(tenantId, probe.Minimum ?? 1),
        _ => new GateEvaluation(false, $"no evaluation for {ContractJson.NameOf(probe.Check)}"),
    };

    /// <summary>The loader refuses a silo start on any incomplete or unpinned spec, so every loaded Bot's spec is complete.</summary>
    private static GateEvaluation SpecsComplete(IReadOnlyList<BotSpec> specs) => specs.Count > 0
        ? new GateEvaluation(true, $"{specs.Count} Bot(s) with complete, pinned specs: {string.Join(", ", specs.Select(s => $"{s.BotId} {s.SpecVersion}"))}")
        : new GateEvaluation(false, "no Bot of the class is registered");

    private static GateEvaluation DemoWired(IReadOnlyList<BotSpec> wired) => wired.Count > 0
        ? new GateEvaluation(true, $"demo-wired or further: {string.Join(", ", wired.Select(s => s.BotId))}")
        : new GateEvaluation(false, "no Bot of the class is demo-wired yet");

    /// <summary>
    /// Paper risk approvals of the Tenant, read from the audit store until <paramref name="minimum"/> are found, and the
    /// verification of every chain that holds them. M2 has one strategy family, so each is a decision of that class.
    /// </summary>
    private async Task<GateEvaluation> PaperDecisionsAsync(string tenantId, long minimum)
    {
        var count = 0L;
        var chains = new SortedSet<string>(StringComparer.Ordinal);
        string? cursor = null;
        do
        {
            var page = await grains.GetGrain<IAuditQueryGrain>(0).Query(new AuditQuery { ReasonCode = ReasonCodes.RiskApproved, Limit = Page, Cursor = cursor });
            foreach (var envelope in page.Items.Where(e => e.Mode == AuditEnvelopeMode.Paper && e.TenantId == tenantId))
            {
                count++;
                chains.Add(AuditChains.Of(envelope));
            }

            cursor = page.NextCursor;
        }
        while (cursor is not null && count < minimum);

        if (count < minimum)
        {
            return new GateEvaluation(false, $"{count} paper risk approvals on the audit trail; {minimum} needed");
        }

        var broken = new List<string>();
        foreach (var chain in chains)
        {
            var verification = await grains.GetGrain<IAuditTrailGrain>(chain).Verify();
            if (!verification.Valid)
            {
                broken.Add($"{chain} at #{verification.FirstBrokenSequence}");
            }
        }

        return broken.Count == 0
            ? new GateEvaluation(true, $"{count} paper risk approvals on chains {string.Join(", ", chains)}, every chain verified")
            : new GateEvaluation(false, $"{count} paper risk approvals, but the chain(s) {string.Join(", ", broken)} fail verification");
    }
}
