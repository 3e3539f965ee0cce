using System.Security.Claims;
using Polytraders.Contracts;
using Polytraders.Gateway.Auth;
using Polytraders.Gateway.Contracts;
using Polytraders.Gateway.Problems;
using Polytraders.Grains;

namespace Polytraders.Gateway.Endpoints;

/// <summary>
/// A Tenant's mode ladder per Bot class: reviewers and operators read the rung and every checklist with its evidence;
/// operators attest items and request promotions. Each attestation, promotion and refusal is on the Tenant's
/// governance chain (<c>GET /audit/verify?tenantId=</c>).
/// </summary>
internal static class LadderEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/tenants/{tenantId}/ladders/{botClass}", GetLadder)
            .WithName("GetModeLadder")
            .WithSummary("The class's rung (docs-complete, demo-wired, limited_live, wide_live) and each transition's checklist with every item's state and evidence.")
            .Produces<ModeLadder>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/tenants/{tenantId}/ladders/{botClass}/attestations", Attest)
            .RequireAuthorization(GatewayPolicies.Operator)
            .WithName("AttestGateItem")
            .WithSummary("Attest an item of the class's next transition with evidence, as the calling operator (GOV_GATE_ITEM_ATTESTED). Operators only.")
            .WithMetadata(new ContractBodyMetadata(typeof(GateAttestation)))
            .Produces<ModeLadder>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        api.MapPost("/tenants/{tenantId}/ladders/{botClass}/promotions", Promote)
            .RequireAuthorization(GatewayPolicies.Operator)
            .WithName("PromoteClass")
            .WithSummary("Move the class one rung up (GOV_RUNG_PROMOTED); refused naming the missing items (GOV_PROMOTION_REFUSED). Operators only.")
            .WithMetadata(new ContractBodyMetadata(typeof(PromotionRequest)))
            .Produces<ModeLadder>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> GetLadder(string tenantId, string botClass, IGrainFactory grains) =>
        LadderOf(grains, tenantId, botClass) is { } ladder
            ? GatewayResults.Ok(await ladder.Get())
            : UnknownLadder(tenantId, botClass);

    private static Task<IResult> Attest(string tenantId, string botClass, HttpContext context, ClaimsPrincipal user, IGrainFactory grains, ContractBodyReader bodies, ILoggerFactory loggers) =>
        CommandAsync<GateAttestation>(tenantId, botClass, context, grains, bodies, loggers, (ladder, attestation) => ladder.Attest(attestation, GatewayClaims.OperatorIdOf(user)), "The attestation was refused.");

    private static Task<IResult> Promote(string tenantId, string botClass, HttpContext context, ClaimsPrincipal user, IGrainFactory grains, ContractBodyReader bodies, ILoggerFactory loggers) =>
        CommandAsync<PromotionRequest>(tenantId, botClass, context, grains, bodies, loggers, (ladder, promotion) => ladder.Promote(promotion.To, GatewayClaims.OperatorIdOf(user)), "The promotion was refused.");

    /// <summary>An operator's command on a ladder: its body read against its contract, the ladder as it stands after it, or the refusal.</summary>
    private static async Task<IResult> CommandAsync<T>(
        string tenantId,
        string botClass,
        HttpContext context,
        IGrainFactory grains,
        ContractBodyReader bodies,
        ILoggerFactory loggers,
        Func<IModeLadderGrain, T, Task<CommandResult>> command,
        string refused)
        where T : class
    {
        var ladder = LadderOf(grains, tenantId, botClass);
        var body = await CommandPrologue.ReadAsync<T>(ladder is not null, () => UnknownLadder(tenantId, botClass), context, bodies);
        if (body.Value is not { } value)
        {
            return body.Problem!;
        }

        var result = await command(ladder!, value);
        return result.Succeeded
            ? GatewayResults.Ok(await ladder!.Get())
            : GatewayResults.Refused(result, refused, loggers.CreateLogger(typeof(LadderEndpoints)));
    }

    /// <summary>The ladder grain of a well-formed Tenant and a class spelled as the contracts spell it; null otherwise.</summary>
    private static IModeLadderGrain? LadderOf(IGrainFactory grains, string tenantId, string botClass) =>
        Identifiers.IsTenantId(tenantId) && Enum.GetValues<BotClass>().Where(c => ContractJson.NameOf(c) == botClass).ToList() is [var known]
            ? grains.GetGrain<IModeLadderGrain>(IModeLadderGrain.Key(tenantId, known))
            : null;

    private static IResult UnknownLadder(string tenantId, string botClass) =>
        GatewayProblem.Result(ReasonCodes.GovNotFound, $"No mode ladder for class '{botClass}' in Tenant '{tenantId}' (a Tenant id like TEN-DESK, a registered class like momentum).");
}
