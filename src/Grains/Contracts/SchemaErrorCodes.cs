using NJsonSchema.Validation;
using Polytraders.Contracts;

namespace Polytraders.Grains.Contracts;

/// <summary>Which reason code a schema error carries, so a refused request says which rule in words the desk knows.</summary>
internal static class SchemaErrorCodes
{
    public static string For(string schema, ValidationError error)
    {
        var path = error.Path ?? "#";
        var inScope = schema == nameof(MarketScope) || path.Contains("market_scope", StringComparison.Ordinal);
        if (inScope && error.Kind == ValidationErrorKind.TooManyItems && path.EndsWith("market_ids", StringComparison.Ordinal))
        {
            return ReasonCodes.StratScopeTooManyMarkets;
        }

        if (inScope && error.Kind == ValidationErrorKind.ItemsNotUnique)
        {
            return ReasonCodes.StratScopeDuplicateMarket;
        }

        if (inScope && error.Kind == ValidationErrorKind.TooFewItems)
        {
            return ReasonCodes.StratScopeEmpty;
        }

        if (inScope && error.Kind == ValidationErrorKind.NotOneOf)
        {
            return ReasonCodes.StratScopeMixedModes;
        }

        return ForUnreadable(schema);
    }

    public static string ForUnreadable(string schema) => schema switch
    {
        nameof(StrategyLaunch) or nameof(MarketScope) => ReasonCodes.StratInvalidLaunch,
        _ => ReasonCodes.GovInvalidRequest,
    };
}
