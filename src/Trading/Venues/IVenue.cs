using Polytraders.Contracts;

namespace Polytraders.Trading.Venues;

/// <summary>Where signed orders go: the paper venue (embedded default) or the Polymarket CLOB.</summary>
public interface IVenue
{
    string Name { get; }

    /// <summary>Submits once and returns the venue's answer: its fills, or the reason it refused.</summary>
    Task<VenueAnswer> SubmitAsync(Order order, OrderIntent intent, MarketState market, CancellationToken cancellationToken);
}

/// <summary>
/// What a venue said about an order: accepted with fills (possibly none), or refused with a reason code.
/// <see cref="Resting"/>: accepted and (the rest of it) still on the book (a GTC/GTD order the venue answered "live"):
/// further fills come later from the venue's feed, so execution keeps the order open instead of closing it unfilled.
/// </summary>
public sealed record VenueAnswer(bool Accepted, IReadOnlyList<Fill> Fills, string? ReasonCode, string? Detail)
{
    public bool Resting { get; init; }

    public static VenueAnswer Filled(IReadOnlyList<Fill> fills) => new(true, fills, null, null);

    /// <summary>Accepted and resting on the book, with the fills matched so far (often none).</summary>
    public static VenueAnswer Open(IReadOnlyList<Fill> fills) => new(true, fills, null, null) { Resting = true };

    public static VenueAnswer Refused(string reasonCode, string detail) => new(false, [], reasonCode, detail);
}

/// <summary>
/// A venue that can say whether it already holds an order (by client order id or order hash) and what became of it:
/// what lets a recovery close an order that reached the venue before a crash without submitting it again. A venue
/// without it gets such an order closed as EXEC_RECONCILED, unfilled, and never resubmitted.
/// </summary>
public interface IVenueOrderLookup
{
    /// <summary>The venue's answer for the order (accepted with its fills), or null when the venue never received it.</summary>
    Task<VenueAnswer?> FindAsync(Order order, OrderIntent intent, CancellationToken cancellationToken);
}

/// <summary>
/// A venue whose fills on resting orders arrive later on a feed that must know which orders are ours. Execution
/// re-registers every order it keeps open when it activates, since the venue's own index does not survive a restart.
/// </summary>
public interface IVenueOrderTracking
{
    void Track(Order order, OrderIntent intent);
}
