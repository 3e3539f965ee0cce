using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Polytraders.Conformance.Tests;

/// <summary>
/// Deliberately broken services: the real embedded silo with one kind of answer tampered with on its way to the
/// runner, as a faulty implementation would answer.
/// </summary>
internal abstract class BrokenAnswers : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var tampered = Tamper(request, response.StatusCode, body);
        if (tampered is null)
        {
            response.Content = Json(body, response.Content.Headers.ContentType);
            return response;
        }

        var (status, text) = tampered.Value;
        var headers = response.Content.Headers.ContentType;
        response.StatusCode = status;
        response.Content = Json(text, headers);
        return response;
    }

    /// <summary>The status and body to answer instead, or null to pass the answer on unchanged.</summary>
    protected abstract (HttpStatusCode Status, string Body)? Tamper(HttpRequestMessage request, HttpStatusCode status, string body);

    protected static bool IsAuditRead(HttpRequestMessage request) =>
        request.Method == HttpMethod.Get && request.RequestUri!.AbsolutePath.EndsWith("/api/v1/audit", StringComparison.Ordinal);

    private static StringContent Json(string body, MediaTypeHeaderValue? type)
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = type;
        return content;
    }
}

/// <summary>A gateway that leaves the reason code out of its contract refusals of launches.</summary>
internal sealed class DropsTheReasonCodeOfLaunchRefusals : BrokenAnswers
{
    protected override (HttpStatusCode, string)? Tamper(HttpRequestMessage request, HttpStatusCode status, string body)
    {
        if (status != HttpStatusCode.BadRequest || !request.RequestUri!.AbsolutePath.EndsWith("/strategies", StringComparison.Ordinal))
        {
            return null;
        }

        var problem = JsonNode.Parse(body)!.AsObject();
        problem.Remove("reason_code");
        return (status, problem.ToJsonString());
    }
}

/// <summary>An audit store that loses one envelope: STRAT_MARKET_IN_SCOPE of the crypto Cluster's second market.</summary>
internal sealed class SkipsAnEnvelope : BrokenAnswers
{
    protected override (HttpStatusCode, string)? Tamper(HttpRequestMessage request, HttpStatusCode status, string body)
    {
        if (!IsAuditRead(request) || status != HttpStatusCode.OK)
        {
            return null;
        }

        // Cut out of the text as served: re-serializing the page could change how other envelopes' strings are
        // escaped, and so their hashes, which would be a different break than the one shown here.
        using var page = JsonDocument.Parse(body);
        var skipped = page.RootElement.GetProperty("items").EnumerateArray().FirstOrDefault(e =>
            e.GetProperty("reason_code").GetString() == "STRAT_MARKET_IN_SCOPE"
            && e.GetProperty("payload").GetProperty("market_id").GetString() == "0x955c321b6411bb6380997c90040e7153f1aad0062b8bcc75ad2dbc97f88d49a1");
        if (skipped.ValueKind == JsonValueKind.Undefined)
        {
            return null;
        }

        var raw = skipped.GetRawText();
        return (status, body.Contains(raw + ",", StringComparison.Ordinal) ? body.Replace(raw + ",", "", StringComparison.Ordinal) : body.Replace("," + raw, "", StringComparison.Ordinal));
    }
}

/// <summary>An audit trail whose second link names a wrong previous hash.</summary>
internal sealed class CorruptsAPrevHash : BrokenAnswers
{
    protected override (HttpStatusCode, string)? Tamper(HttpRequestMessage request, HttpStatusCode status, string body)
    {
        if (!IsAuditRead(request) || status != HttpStatusCode.OK)
        {
            return null;
        }

        using var page = JsonDocument.Parse(body);
        var second = page.RootElement.GetProperty("items").EnumerateArray().FirstOrDefault(e => e.GetProperty("sequence").GetInt64() == 2);
        if (second.ValueKind == JsonValueKind.Undefined)
        {
            return null;
        }

        var previous = second.GetProperty("prev_hash").GetString()!;
        var wrong = (previous[0] == '0' ? "1" : "0") + previous[1..];
        return (status, body.Replace($"\"prev_hash\":\"{previous}\"", $"\"prev_hash\":\"{wrong}\"", StringComparison.Ordinal));
    }
}

/// <summary>A gateway that lets reviewers write: its role refusals answer 200.</summary>
internal sealed class LetsAReviewerWrite : BrokenAnswers
{
    protected override (HttpStatusCode, string)? Tamper(HttpRequestMessage request, HttpStatusCode status, string body) =>
        status == HttpStatusCode.Forbidden ? (HttpStatusCode.OK, "{}") : null;
}
