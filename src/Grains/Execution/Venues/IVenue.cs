using Polytraders.Contracts;

namespace Polytraders.Grains.Execution.Venues;

/// <summary>Where signed orders go: the paper venue (embedded default) or the Polymarket CLOB.</summary>
public interface IVenue
{
    string Name { get; }

    /// <summary>Submits once and returns the venue's answer: its fills, or the reason it refused.</summary>
    Task<VenueAnswer> SubmitAsync(Order order, OrderIntent intent, MarketState market, CancellationToken cancellationToken);
}

/// <summary>What a venue said about an order: accepted with fills (possibly none), or refused with a reason code.</summary>
public sealed record VenueAnswer(bool Accepted, IReadOnlyList<Fill> Fills, string? ReasonCode, string? Detail)
{
    public static VenueAnswer Filled(IReadOnlyList<Fill> fills) => new(true, fills, null, null);

    public static VenueAnswer Refused(string reasonCode, string detail) => new(false, [], reasonCode, detail);
}
