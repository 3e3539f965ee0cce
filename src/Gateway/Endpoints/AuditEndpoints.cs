using System.Globalization;
using Microsoft.Extensions.Primitives;
using Polytraders.Contracts;
using Polytraders.Gateway.Problems;
using Polytraders.Grains;

namespace Polytraders.Gateway.Endpoints;

/// <summary>Audit history across chains (the audit query grain) and verification of one Portfolio's chain.</summary>
internal static class AuditEndpoints
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;
    public const int MaxCursorLength = 512;

    private static readonly HashSet<string> QueryParameters = new(StringComparer.Ordinal)
    {
        "portfolioId", "strategyId", "launchId", "reasonCode", "since", "until", "limit", "cursor",
    };

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/audit", QueryAudit)
            .WithName("QueryAudit")
            .WithSummary("Audit envelopes, oldest first, filtered and paged by an opaque cursor.")
            .WithDescription("Query: portfolioId, strategyId, launchId, reasonCode, since, until (RFC 3339), limit (1..1000, default 100), cursor.")
            .Produces<AuditPage>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        api.MapGet("/audit/verify", VerifyChain)
            .WithName("VerifyAuditChain")
            .WithSummary("Verify the hash chain of one Portfolio's audit trail (portfolioId) or of a Tenant's governance chain (tenantId).")
            .Produces<ChainVerification>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>Parses the audit query string; a problem (400) names the first bad parameter.</summary>
    internal static (AuditQuery? Query, IResult? Problem) ParseQuery(IQueryCollection parameters)
    {
        foreach (var (name, values) in parameters)
        {
            if (!QueryParameters.Contains(name))
            {
                return Bad(name, "UnknownParameter", $"'{name}' is not an audit filter; use {string.Join(", ", QueryParameters)}.");
            }

            if (values.Count != 1)
            {
                return Bad(name, "RepeatedParameter", $"'{name}' is given {values.Count} times.");
            }
        }

        var portfolioId = Single(parameters, "portfolioId");
        if (portfolioId is not null && !Identifiers.IsPortfolioId(portfolioId))
        {
            return Bad("portfolioId", "PatternMismatch", "portfolioId is not a Portfolio id like PORT-001.");
        }

        var strategyId = Single(parameters, "strategyId");
        if (strategyId is not null && !Identifiers.IsStrategyId(strategyId))
        {
            return Bad("strategyId", "PatternMismatch", "strategyId is not a Strategy id (lower-case kebab).");
        }

        var launchId = Single(parameters, "launchId");
        if (launchId is not null && !Identifiers.IsLaunchId(launchId))
        {
            return Bad("launchId", "PatternMismatch", "launchId is not a launch id like LCH-....");
        }

        var reasonCode = Single(parameters, "reasonCode");
        if (reasonCode is not null && !ReasonCodes.IsRegistered(reasonCode))
        {
            return Bad("reasonCode", "NotInEnumeration", "reasonCode is not a registered reason code (GET /api/v1/reason-codes).");
        }

        if (!TryInstant(parameters, "since", out var since))
        {
            return Bad("since", "DateTimeExpected", "since is not an RFC 3339 instant with an offset, e.g. 2026-11-02T09:30:00Z.");
        }

        if (!TryInstant(parameters, "until", out var until))
        {
            return Bad("until", "DateTimeExpected", "until is not an RFC 3339 instant with an offset, e.g. 2026-11-02T09:30:00Z.");
        }

        if (since is { } from && until is { } to && from > to)
        {
            return Bad("until", "RangeReversed", "until is before since.");
        }

        var limit = DefaultLimit;
        if (Single(parameters, "limit") is { } limitText
            && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxLimit))
        {
            return Bad("limit", "OutOfRange", $"limit must be an integer from 1 to {MaxLimit}.");
        }

        var cursor = Single(parameters, "cursor");
        if (cursor is not null && (cursor.Length is 0 or > MaxCursorLength || cursor.Any(char.IsControl)))
        {
            return Bad("cursor", "InvalidCursor", "cursor is not one this gateway handed out.");
        }

        return (new AuditQuery
        {
            PortfolioId = portfolioId,
            StrategyId = strategyId,
            LaunchId = launchId,
            ReasonCode = reasonCode,
            Since = since,
            Until = until,
            Limit = limit,
            Cursor = cursor,
        }, null);
    }

    private static async Task<IResult> QueryAudit(HttpContext context, IGrainFactory grains)
    {
        var (query, problem) = ParseQuery(context.Request.Query);
        if (query is null)
        {
            return problem!;
        }

        AuditPage page;
        try
        {
            page = await grains.GetGrain<IAuditQueryGrain>(0).Query(query);
        }
        catch (Exception e) when (query.Cursor is not null && e is ArgumentException or FormatException)
        {
            // An opaque cursor the store cannot read is bad input, not a failure of the store.
            return Bad("cursor", "InvalidCursor", "cursor is not one this gateway handed out.").Problem!;
        }

        return GatewayResults.Ok(page);
    }

    private static async Task<IResult> VerifyChain(HttpContext context, IGrainFactory grains)
    {
        foreach (var name in context.Request.Query.Keys.Where(k => k is not ("portfolioId" or "tenantId")))
        {
            return Bad(name, "UnknownParameter", $"'{name}' is not a parameter of audit verification; use portfolioId or tenantId.").Problem!;
        }

        // A Tenant's governance chain (mode ladder and other governance links) verifies like a Portfolio's chain.
        var tenants = context.Request.Query["tenantId"];
        if (tenants.Count > 0 && !context.Request.Query.ContainsKey("portfolioId"))
        {
            return tenants.Count == 1 && Identifiers.IsTenantId(tenants[0])
                ? GatewayResults.Ok(await grains.GetGrain<IAuditTrailGrain>(AuditChains.Governance(tenants[0]!)).Verify())
                : Bad("tenantId", "PatternMismatch", "tenantId (one Tenant id like TEN-DESK) names a governance chain.").Problem!;
        }

        var values = context.Request.Query["portfolioId"];
        if (values.Count != 1 || !Identifiers.IsPortfolioId(values[0]) || tenants.Count > 0)
        {
            return Bad("portfolioId", values.Count == 0 ? "PropertyRequired" : "PatternMismatch", "portfolioId (one Portfolio id like PORT-001) or tenantId, not both, is required.").Problem!;
        }

        var portfolioId = values[0]!;
        if (await grains.GetGrain<IPortfolioGrain>(portfolioId).GetState() is null)
        {
            return PortfolioEndpoints.UnknownPortfolio(portfolioId);
        }

        return GatewayResults.Ok(await grains.GetGrain<IAuditTrailGrain>(portfolioId).Verify());
    }

    private static string? Single(IQueryCollection parameters, string name) =>
        parameters.TryGetValue(name, out StringValues values) && values.Count == 1 ? values[0] : null;

    private static bool TryInstant(IQueryCollection parameters, string name, out DateTimeOffset? instant)
    {
        instant = null;
        if (Single(parameters, name) is not { } text)
        {
            return true;
        }

        // RFC 3339 needs an explicit offset ('Z' or ±hh:mm); a local time would be read in the server's zone.
        var hasOffset = text.EndsWith('Z') || text.EndsWith('z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');
        if (hasOffset && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            instant = parsed.ToUniversalTime();
            return true;
        }

        return false;
    }

    private static (AuditQuery? Query, IResult? Problem) Bad(string parameter, string rule, string message) =>
        (null, GatewayProblem.Result(GatewayProblem.ForInvalid(ReasonCodes.GovInvalidRequest, rule, $"?{parameter}", message)));
}
