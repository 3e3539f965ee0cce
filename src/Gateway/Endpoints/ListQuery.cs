using System.Globalization;
using System.Text.Json;
using Polytraders.Contracts;
using Polytraders.Gateway.Problems;
using Polytraders.Trading.Listing;

namespace Polytraders.Gateway.Endpoints;

/// <summary>
/// The query of a list route: <c>?limit=</c> (1..100, default 50), <c>?after=</c> (the previous page's
/// <c>next_after</c>) and the route's filters. Each value is checked before it reaches a grain; a malformed one is a
/// 400 naming the parameter. The first problem found is kept in <see cref="Problem"/>.
/// </summary>
internal sealed class ListQuery(HttpContext context)
{
    private readonly IQueryCollection _query = context.Request.Query;

    public IResult? Problem { get; private set; }

    public int Limit()
    {
        if (!_query.TryGetValue("limit", out var text))
        {
            return KeyedPage.DefaultLimit;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit is >= 1 and <= KeyedPage.MaxLimit)
        {
            return limit;
        }

        Fail("OutOfRange", "?limit", $"limit must be an integer from 1 to {KeyedPage.MaxLimit}.");
        return KeyedPage.DefaultLimit;
    }

    /// <summary>An id filter or cursor; absent: null.</summary>
    public string? Id(string name, Func<string?, bool> wellFormed)
    {
        if (!_query.TryGetValue(name, out var text))
        {
            return null;
        }

        if (text.Count == 1 && wellFormed(text[0]))
        {
            return text[0];
        }

        Fail("PatternMismatch", $"?{name}", $"{name} is not a well-formed id.");
        return null;
    }

    /// <summary>An enum filter, spelled as the contract spells it (e.g. <c>limited_live</c>); absent: null.</summary>
    public T? Enum<T>(string name)
        where T : struct, Enum
    {
        if (!_query.TryGetValue(name, out var text))
        {
            return null;
        }

        if (text.Count == 1 && text[0] is { Length: > 0 } value && !value.Contains('"', StringComparison.Ordinal))
        {
            try
            {
                return ContractJson.Deserialize<T>($"\"{value}\"");
            }
            catch (JsonException)
            {
                // Answered below as any other value outside the contract's list.
            }
        }

        var allowed = string.Join(", ", System.Enum.GetValues<T>().Select(v => ContractJson.Serialize(v).Trim('"')));
        Fail("EnumMismatch", $"?{name}", $"{name} must be one of {allowed}.");
        return null;
    }

    /// <summary>A free-text filter of at most 120 characters; absent or empty: null.</summary>
    public string? Text(string name)
    {
        if (!_query.TryGetValue(name, out var text) || text.Count == 0 || string.IsNullOrEmpty(text[0]))
        {
            return null;
        }

        if (text.Count == 1 && text[0]!.Length <= 120)
        {
            return text[0];
        }

        Fail("OutOfRange", $"?{name}", $"{name} is one text of at most 120 characters.");
        return null;
    }

    private void Fail(string rule, string place, string message) =>
        Problem ??= GatewayProblem.Result(GatewayProblem.ForInvalid(ReasonCodes.GovInvalidRequest, rule, place, message));
}
