using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Polytraders.Conformance;

/// <summary>The service under test, over HTTP only: requests as an operator, a reviewer or nobody.</summary>
public sealed class ServiceClient(HttpClient http, string operatorKey, string reviewerKey)
{
    public async Task<ServiceAnswer> SendAsync(string role, HttpMethod method, string path, string? jsonBody, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path.TrimStart('/'));
        var key = role switch
        {
            "operator" => operatorKey,
            "reviewer" => reviewerKey,
            "anonymous" => null,
            _ => throw new InvalidDataException($"'as' is operator, reviewer or anonymous, not '{role}'"),
        };
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        if (jsonBody is not null)
        {
            request.Content = new StringContent(jsonBody, Encoding.UTF8, "application/json");
        }

        using var response = await http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return new ServiceAnswer((int)response.StatusCode, text);
    }
}

/// <summary>An answer: its status and body (JSON when it parses).</summary>
public sealed record ServiceAnswer(int Status, string Body)
{
    public JsonNode? Json { get; } = Parse(Body);

    public string? ReasonCode => Json is JsonObject o && o["reason_code"] is JsonValue v && v.TryGetValue<string>(out var code) ? code : null;

    private static JsonNode? Parse(string body)
    {
        try
        {
            return body.Length == 0 ? null : JsonNode.Parse(body);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
