using Polytraders.Contracts;
using Polytraders.Gateway.Problems;
using Polytraders.Grains;

namespace Polytraders.Gateway.Endpoints;

/// <summary>
/// The Bot registry and its status board, for reviewers and operators. Read-only by design: specs are frozen for M2 and
/// change only through a new pinned spec file, never through the API.
/// </summary>
internal static class BotEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/bots", ListBots)
            .WithName("ListBots")
            .WithSummary("Every registered Bot (without its sections): class, strategy version, status, pinned spec version and content hash.")
            .Produces<List<BotSummary>>(StatusCodes.Status200OK, "application/json");

        api.MapGet("/bots/{botId}", GetBot)
            .WithName("GetBot")
            .WithSummary("One registered Bot with its 27-section spec, as pinned in bots/registry.json.")
            .Produces<BotSpec>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/status-board", GetStatusBoard)
            .WithName("GetStatusBoard")
            .WithSummary("Registered Bots by status with counts and the total, and each class with its Bots and current rung (docs-complete or demo-wired).")
            .Produces<StatusBoard>(StatusCodes.Status200OK, "application/json");
    }

    private static IBotRegistryGrain Registry(IGrainFactory grains) => grains.GetGrain<IBotRegistryGrain>(0);

    private static async Task<IResult> ListBots(IGrainFactory grains) => GatewayResults.Ok(await Registry(grains).List());

    private static async Task<IResult> GetBot(string botId, IGrainFactory grains) =>
        await Registry(grains).Get(botId) is { } spec
            ? GatewayResults.Ok(spec)
            : GatewayProblem.Result(ReasonCodes.GovUnknownBot, $"No registered Bot '{botId}'.");

    private static async Task<IResult> GetStatusBoard(IGrainFactory grains) => GatewayResults.Ok(await Registry(grains).StatusBoard());
}
