using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Polytraders.Venue.Tests.Fake;

/// <summary>JSON answers written with exact property names (no naming policy), as the CLOB spells them.</summary>
public static class FakeJson
{
    private static readonly JsonSerializerOptions Verbatim = new() { PropertyNamingPolicy = null, DictionaryKeyPolicy = null };

    public static IResult Ok(object value) => Results.Json(value, Verbatim);

    public static IResult Error(int status, string message) =>
        Results.Json(new Dictionary<string, object?> { ["error"] = message }, Verbatim, statusCode: status);

    public static string Serialize(object value) => JsonSerializer.Serialize(value, Verbatim);

    public static async Task<string> BodyAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        return await reader.ReadToEndAsync(context.RequestAborted);
    }
}
