using System.Net;
using Polytraders.Contracts;

namespace Polytraders.Grains.Execution.Clob;

/// <summary>
/// A CLOB request that did not succeed, with the reason code the execution layer records:
/// <see cref="ReasonCodes.ExecOrderRejectedByVenue"/> when the venue answered and refused (4xx other than 408/429),
/// <see cref="ReasonCodes.ExecVenueUnavailable"/> when it could not be reached, timed out, throttled or failed (5xx).
/// The message holds the method, path, status and the venue's own error text, scrubbed of the account's credentials;
/// never a header or a request body.
/// </summary>
public sealed class ClobApiException : Exception
{
    public ClobApiException(string reasonCode, string message, HttpStatusCode? statusCode = null, string? venueMessage = null, TimeSpan? retryAfter = null, Exception? innerException = null)
        : base(message, innerException)
    {
        ReasonCode = reasonCode;
        StatusCode = statusCode;
        VenueMessage = venueMessage;
        RetryAfter = retryAfter;
    }

    public string ReasonCode { get; }

    public HttpStatusCode? StatusCode { get; }

    /// <summary>The venue's error text ("error" or "errorMsg" of its JSON), when it gave one.</summary>
    public string? VenueMessage { get; }

    /// <summary>How long the venue asked to wait (429/503 Retry-After).</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>True when the venue may not have seen the request or may yet act on it: its outcome is unknown.</summary>
    public bool OutcomeUnknown => ReasonCode == ReasonCodes.ExecVenueUnavailable && StatusCode is null or >= HttpStatusCode.InternalServerError;
}
