using System.Net;

namespace Polytraders.Polymarket.Clob;

/// <summary>
/// A CLOB request that did not succeed, with its <see cref="ClobErrorKind"/>:
/// <see cref="ClobErrorKind.Refused"/> when the venue answered and refused (4xx other than 408/429),
/// <see cref="ClobErrorKind.Unavailable"/> when it could not be reached, timed out, throttled or failed (5xx).
/// The message holds the method, path, status and the venue's own error text, scrubbed of the account's credentials;
/// never a header or a request body.
/// </summary>
public sealed class ClobApiException : Exception
{
    public ClobApiException(ClobErrorKind kind, string message, HttpStatusCode? statusCode = null, string? venueMessage = null, TimeSpan? retryAfter = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
        StatusCode = statusCode;
        VenueMessage = venueMessage;
        RetryAfter = retryAfter;
    }

    public ClobErrorKind Kind { get; }

    public HttpStatusCode? StatusCode { get; }

    /// <summary>The venue's error text ("error" or "errorMsg" of its JSON), when it gave one.</summary>
    public string? VenueMessage { get; }

    /// <summary>How long the venue asked to wait (429/503 Retry-After).</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>True when the venue may not have seen the request or may yet act on it: its outcome is unknown.</summary>
    public bool OutcomeUnknown => Kind == ClobErrorKind.Unavailable && StatusCode is null or >= HttpStatusCode.InternalServerError;
}
