using NJsonSchema.Validation;
using Polytraders.Contracts;

namespace Polytraders.Trading.Validation;

/// <summary>Which reason code a schema error carries, so a refused request says which rule in words the desk knows.</summary>
internal static class SchemaErrorCodes
{
    /// <param name="schema">Title of the contract the document was validated against.</param>
    /// <param name="kind">What NJsonSchema found.</param>
    /// <param name="path">Where, as a JSON pointer (<c>#/market_scope/market_ids</c>).</param>
    public static string For(string schema, ValidationErrorKind kind, string path)
    {
        var inScope = schema == nameof(MarketScope) || path.Contains("market_scope", StringComparison.Ordinal);
        if (!inScope)
        {
            return ForUnreadable(schema);
        }

        return kind switch
        {
            ValidationErrorKind.TooManyItems when path.EndsWith("market_ids", StringComparison.Ordinal) => ReasonCodes.StratScopeTooManyMarkets,
            ValidationErrorKind.ItemsNotUnique => ReasonCodes.StratScopeDuplicateMarket,
            ValidationErrorKind.TooFewItems => ReasonCodes.StratScopeEmpty,

            // MarketScope's top-level "not": cluster_id and market_ids together, whatever the mode says.
            ValidationErrorKind.ExcludedSchemaValidates => ReasonCodes.StratScopeMixedModes,

            // Neither branch of the oneOf: a cluster scope without its cluster, a manual one without its list, an unknown mode.
            ValidationErrorKind.NotOneOf => ReasonCodes.StratInvalidLaunch,
            _ => ForUnreadable(schema),
        };
    }

    public static string ForUnreadable(string schema) => schema switch
    {
        nameof(StrategyLaunch) or nameof(MarketScope) => ReasonCodes.StratInvalidLaunch,

        // Read from the repository at silo start, never from a request: a broken one stops the start under its own code.
        nameof(BotSpec) or nameof(BotRegistry) => ReasonCodes.GovBotSpecInvalid,
        nameof(GateChecklist) => ReasonCodes.GovGateChecklistInvalid,
        _ => ReasonCodes.GovInvalidRequest,
    };
}
