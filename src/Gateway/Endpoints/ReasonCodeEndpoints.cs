using Polytraders.Contracts;

namespace Polytraders.Gateway.Endpoints;

/// <summary>The reason-code registry as published.</summary>
internal static class ReasonCodeEndpoints
{
    private static readonly ReasonCodeRegistry Registry = new() { Codes = [.. ReasonCodes.All] };

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/reason-codes", () => GatewayResults.Ok(Registry))
            .WithName("ListReasonCodes")
            .WithSummary("Every registered reason code: family, meaning, who emits it and the HTTP status it answers with.")
            .Produces<ReasonCodeRegistry>(StatusCodes.Status200OK, "application/json");
}
