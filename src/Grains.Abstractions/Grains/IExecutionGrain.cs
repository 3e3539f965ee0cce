using Polytraders.Contracts;

namespace Polytraders.Grains;

/// <summary>
/// The one execution grain (key: <see cref="Key"/>): the only holder of the signing key. It builds and signs the
/// Polymarket order of an approved intent and keeps nothing per order: each order's lifecycle after signing (submission,
/// answer, fills, recovery) belongs to its <see cref="IOrderGrain"/>, so the venue's latency never sits in this grain's
/// turn and its cost per order does not grow with the orders it has signed.
/// </summary>
[Alias("Polytraders.IExecutionGrain")]
public interface IExecutionGrain : IGrainWithStringKey
{
    public const string Key = "execution";

    /// <summary>
    /// Signs the order of <paramref name="approved"/> on <paramref name="market"/>, or refuses it with a reason code
    /// (off the tick, too small, the development key asked to sign live, execution saturated). The same intent signs to
    /// the same order: its salt derives from the client order id and its timestamp is the intent's.
    /// </summary>
    [Alias("Sign")]
    Task<OrderSignature> Sign([Immutable] OrderIntent approved, [Immutable] AuditContext context, [Immutable] Market market);

    /// <summary>One-way, from an order grain: its order left the venue's hands (answered or closed), freeing its slot.</summary>
    [Orleans.Concurrency.OneWay]
    [Alias("Finished")]
    Task Finished(string clientOrderId);

    [Alias("GetSignerAddress")]
    Task<string> GetSignerAddress();

    /// <summary>
    /// Whether orders for <paramref name="account"/> (null: the key's own address) can be signed here: its funder
    /// belongs to the signing key and the CLOB API key's address is its orders' signer; refused with the SEC_ code
    /// <see cref="Sign"/> would refuse each of its orders with.
    /// </summary>
    [Alias("CheckAccount")]
    Task<CommandResult> CheckAccount(PolymarketAccount? account);
}

/// <summary>A signed order, or why it was not signed.</summary>
[GenerateSerializer]
[Alias("Polytraders.OrderSignature")]
public sealed record OrderSignature(
    [property: Id(0)] Order? Order,
    [property: Id(1)] string? ReasonCode,
    [property: Id(2)] string? Detail)
{
    public static OrderSignature Signed(Order order) => new(order, null, null);

    public static OrderSignature Refused(string reasonCode, string detail) => new(null, reasonCode, detail);
}
