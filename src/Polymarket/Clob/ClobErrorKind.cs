namespace Polytraders.Polymarket.Clob;

/// <summary>Whether a failed CLOB request was refused by the venue or never got a usable answer from it.</summary>
public enum ClobErrorKind
{
    /// <summary>The venue answered and refused (4xx other than 408 and 429): sending the same again fails the same way.</summary>
    Refused,

    /// <summary>
    /// The venue could not be reached, timed out, throttled (429), failed (408, 5xx) or answered something unreadable:
    /// it may or may not have acted on the request.
    /// </summary>
    Unavailable,
}
