using Microsoft.Extensions.Logging;
using Polytraders.Contracts;
using Polytraders.Trading;
using Polytraders.Trading.Gates;

namespace Polytraders.Grains.Gates;

/// <summary>
/// A Bot class's mode ladder in one Tenant. It keeps the rung and the attestations of the next transition only; each
/// attestation, promotion, refusal and demotion is a link of the Tenant's governance chain, which holds the history.
/// </summary>
public sealed partial class ModeLadderGrain(
    [PersistentState("ladder", StreamNames.GrainStorage)] IPersistentState<ModeLadderGrainState> state,
    GateChecklistHost checklists,
    GateEvaluator evaluator,
    TimeProvider time,
    ILogger<ModeLadderGrain> logger) : Grain, IModeLadderGrain
{
    /// <summary>Governance links belong to no Portfolio, so to no builder: the zero builder code.</summary>
    private static readonly string NoBuilderCode = "0x" + new string('0', 64);

    private string TenantId => this.GetPrimaryKeyString().Split('/')[0];

    private BotClass Class => ContractJson.Deserialize<BotClass>($"\"{this.GetPrimaryKeyString().Split('/')[1]}\"");

    public async Task<ModeLadder> Get() => ModeLadderRules.View(TenantId, Class, await FactsAsync());

    public async Task<CommandResult> Attest(GateAttestation attestation, string operatorId)
    {
        ArgumentNullException.ThrowIfNull(attestation);
        var facts = await FactsAsync(evaluate: false);
        var ladder = new LadderEvent { Class = Class, Rung = facts.Rung, Target = facts.Next?.To, ItemId = attestation.ItemId };
        if (ModeLadderRules.Attest(facts, attestation.ItemId, operatorId) is { } refusal)
        {
            return await RefuseAsync(refusal, operatorId, ladder);
        }

        var now = time.GetUtcNow();
        await AuditAsync(ReasonCodes.GovGateItemAttested, operatorId, $"{attestation.ItemId}: {attestation.Evidence}", ladder, now);
        state.State.Attestations.Add(new LadderAttestation { ItemId = attestation.ItemId, OperatorId = operatorId, Evidence = attestation.Evidence, At = now });
        await state.WriteStateAsync();
        return CommandResult.Done(attestation.ItemId);
    }

    public async Task<CommandResult> Promote(ModeRung target, string operatorId)
    {
        var facts = await FactsAsync();
        var (refusal, missing) = ModeLadderRules.Promote(facts, target);
        var ladder = new LadderEvent { Class = Class, Rung = facts.Rung, Target = target, Missing = missing.Count > 0 ? missing.ToList() : null };
        if (refusal is { } refused)
        {
            return await RefuseAsync(refused, operatorId, ladder);
        }

        var attested = string.Join(", ", facts.Attestations.Select(a => $"{a.ItemId} by {a.OperatorId}"));
        await AuditAsync(ReasonCodes.GovRungPromoted, operatorId, $"{Rungs.Name(facts.Rung)} -> {Rungs.Name(target)}; attested: {attested}", ladder with { Rung = target }, time.GetUtcNow());
        state.State.Rung = target;
        state.State.Attestations.Clear();
        await state.WriteStateAsync();
        LogPromoted(this.GetPrimaryKeyString(), Rungs.Name(target), operatorId);
        return CommandResult.Done(Rungs.Name(target));
    }

    public async Task<CommandResult> CheckLaunch(LaunchMode mode, string operatorId)
    {
        // Only a refusal needs the evaluations, to name what is missing; a launch at or below the rung costs nothing.
        var required = Rungs.RequiredFor(mode);
        if (state.State.Rung >= required)
        {
            return CommandResult.Done();
        }

        var facts = await FactsAsync();
        var (refusal, missing) = ModeLadderRules.Launch(facts, mode);
        return refusal is { } refused
            ? await RefuseAsync(refused, operatorId, new LadderEvent { Class = Class, Rung = facts.Rung, Target = required, Missing = missing.Count > 0 ? missing.ToList() : null })
            : CommandResult.Done();
    }

    public async Task Demote(string cause)
    {
        var from = state.State.Rung;
        var to = Rungs.DemotedFrom(from);
        if (to == from)
        {
            return;
        }

        await AuditAsync(
            ReasonCodes.GovRungDemoted,
            actor: null,
            $"{Rungs.Name(from)} -> {Rungs.Name(to)}: {cause}",
            new LadderEvent { Class = Class, Rung = to, Target = from },
            time.GetUtcNow());
        state.State.Rung = to;
        state.State.Attestations.Clear();
        await state.WriteStateAsync();
        LogDemoted(this.GetPrimaryKeyString(), Rungs.Name(from), Rungs.Name(to), cause);
    }

    private async Task<LadderFacts> FactsAsync(bool evaluate = true)
    {
        var transitions = (await checklists.GetAsync()).Of(Class);
        var evaluations = evaluate
            ? await evaluator.EvaluateAsync(TenantId, Class, ModeLadderRules.ProbesOf(transitions))
            : new Dictionary<GateProbe, GateEvaluation>();
        var attestations = state.State.Attestations.Select(a => new GateAttestationRecord(a.ItemId, a.OperatorId, a.Evidence, a.At)).ToList();
        return new LadderFacts(state.State.Rung, transitions, evaluations, attestations);
    }

    private async Task<CommandResult> RefuseAsync(RuleViolation refusal, string operatorId, LadderEvent ladder)
    {
        await AuditAsync(refusal.Code, operatorId, refusal.Message, ladder, time.GetUtcNow());
        return CommandResult.Refused(refusal.Code, refusal.Message);
    }

    /// <param name="actor">The operator, or null for what the system does by itself.</param>
    private Task<AuditEnvelope> AuditAsync(string reasonCode, string? actor, string detail, LadderEvent ladder, DateTimeOffset now)
    {
        var draft = new AuditEnvelope
        {
            EnvelopeId = Guid.CreateVersion7(now),
            Sequence = 0,
            PrevHash = string.Empty,
            Hash = string.Empty,
            OccurredAt = now,
            TenantId = TenantId,
            Mode = AuditEnvelopeMode.Governance,
            ReasonCode = reasonCode,
            BuilderCode = NoBuilderCode,
            Actor = actor is null ? "system" : $"operator:{actor}",
            Payload = new AuditPayload { Kind = AuditPayloadKind.Governance, Detail = detail, Ladder = ladder },
        };
        return GrainFactory.GetGrain<IAuditTrailGrain>(AuditChains.Of(draft)).Append(draft);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Mode ladder {Ladder}: promoted to {Rung} by {OperatorId}")]
    private partial void LogPromoted(string ladder, string rung, string operatorId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mode ladder {Ladder}: demoted from {From} to {To}: {Cause}")]
    private partial void LogDemoted(string ladder, string from, string to, string cause);
}
