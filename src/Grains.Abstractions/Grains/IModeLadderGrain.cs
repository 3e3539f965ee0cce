using Orleans.Concurrency;
using Polytraders.Contracts;

namespace Polytraders.Grains;

/// <summary>
/// A Bot class's mode ladder in one Tenant (key <c>&lt;tenant&gt;/&lt;class&gt;</c>, see <see cref="Key"/>): its rung
/// and the attestations of its next transition. Every attestation, promotion, refusal and demotion is a link of the
/// Tenant's governance chain.
/// </summary>
[Alias("Polytraders.IModeLadderGrain")]
public interface IModeLadderGrain : IGrainWithStringKey
{
    public static string Key(string tenantId, BotClass botClass) =>
        $"{tenantId}/{ContractJson.NameOf(botClass)}";

    /// <summary>The rung and every transition's checklist with each item's state and evidence.</summary>
    [Alias("Get")]
    Task<ModeLadder> Get();

    /// <summary>An operator attests an item of the next transition; refused (GOV_ATTESTATION_REFUSED, audited) otherwise.</summary>
    [Alias("Attest")]
    Task<CommandResult> Attest(GateAttestation attestation, string operatorId);

    /// <summary>One rung up when the next checklist is complete; refused naming the missing items (GOV_PROMOTION_REFUSED, audited).</summary>
    [Alias("Promote")]
    Task<CommandResult> Promote(ModeRung target, string operatorId);

    /// <summary>Whether <paramref name="operatorId"/>'s launch in <paramref name="mode"/> may run: GOV_LAUNCH_ABOVE_RUNG (audited) names the missing rung and items.</summary>
    [Alias("CheckLaunch")]
    Task<CommandResult> CheckLaunch(LaunchMode mode, string operatorId);

    /// <summary>Below the live rungs (GOV_RUNG_DEMOTED), when a kill switch goes on or a chain fails verification.</summary>
    [Alias("Demote")]
    [OneWay]
    Task Demote(string cause);
}
