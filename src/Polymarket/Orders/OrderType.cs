namespace Polytraders.Polymarket.Orders;

/// <summary>
/// Time in force of a posted order; the wire value is the upper-case name.
/// Source: clob-client-v2 src/types/clob.ts (enum OrderType).
/// </summary>
public enum OrderType
{
    /// <summary>Good 'til cancelled: rests on the book.</summary>
    Gtc,

    /// <summary>Fill or kill: filled entirely at once or not at all.</summary>
    Fok,

    /// <summary>Good 'til date: rests until the expiration carried in the request body.</summary>
    Gtd,

    /// <summary>Fill and kill: whatever fills at once, the rest is cancelled.</summary>
    Fak,
}
