using Orleans.Concurrency;
using Polytraders.Contracts;

namespace Polytraders.Grains;

/// <summary>The risk gate of one Portfolio (key: portfolio id): approves, reshapes or rejects each OrderIntent.</summary>
[Alias("Polytraders.IRiskGrain")]
public interface IRiskGrain : IGrainWithStringKey
{
    /// <summary>The Portfolio pushes its config, so risk never needs to call back up the chain.</summary>
    [Alias("Configure")]
    Task Configure(PortfolioConfig config);

    /// <summary>
    /// A changed config, checked against the book in the same turn that applies it: refused with RISK_CAP_BELOW_EXPOSURE
    /// when a cap is below what is already held; otherwise the next intent is decided under it.
    /// </summary>
    [Alias("Reconfigure")]
    Task<CommandResult> Reconfigure(PortfolioConfig config);

    /// <summary>One-way: the Strategy never waits on risk. The context says which launch (and mode) the intent belongs to.</summary>
    [OneWay]
    [Alias("Submit")]
    Task Submit([Immutable] OrderIntent intent, [Immutable] AuditContext context);

    /// <summary>
    /// Idempotent by <see cref="Fill.FillId"/>; returns once the fill is written into the book, so the order grain that
    /// reports it knows it is booked (a report lost with a dead silo is reported again).
    /// </summary>
    [Alias("OnFill")]
    Task OnFill([Immutable] Fill fill);

    /// <summary>
    /// A booked fill whose settlement failed (FAILED after MATCHED) is taken back out of the book, the Portfolio's.
    /// Idempotent: the reversal is listed on the fill's order, which risk holds until the order grain releases it again
    /// after the reversal is delivered. Returns once the reversal is written.
    /// </summary>
    [Alias("OnFillReversed")]
    Task OnFillReversed(Fill fill);

    /// <summary>
    /// From the order grain, once the order is done (filled, refused, unfilled, reconciled, failed): what it still
    /// reserves goes, and so does the list of its booked fills (execution never delivers one again after this).
    /// Idempotent; an order risk no longer holds is ignored. Written with risk's next write (a second at the latest):
    /// one lost with a dead silo is released again, since risk wakes the order grain of every order it still holds.
    /// </summary>
    [Alias("ReleaseOrder")]
    Task ReleaseOrder(string clientOrderId);

    [Alias("SetTradingState")]
    Task SetTradingState(TradingState state, string actor, string reason);

    [Alias("SetKillSwitch")]
    Task SetKillSwitch(bool on, string actor, string reason);

    /// <summary>Interleaves: a read of one field must not queue behind an intent that is waiting on execution.</summary>
    [AlwaysInterleave]
    [Alias("GetTradingState")]
    Task<TradingState> GetTradingState();

    /// <summary>The client order ids risk holds open (reserving what is unfilled) until their order grains release them.</summary>
    [AlwaysInterleave]
    [Alias("GetOpenOrders")]
    Task<List<string>> GetOpenOrders();

    /// <summary>
    /// The Portfolio's cash, positions and trading state as the risk book keeps them: the one average-cost book of
    /// the Portfolio, which <see cref="IPortfolioGrain.GetState"/> shows. Interleaves, like every read.
    /// </summary>
    [AlwaysInterleave]
    [Alias("GetHoldings")]
    Task<Holdings> GetHoldings();
}

/// <summary>A Portfolio's cash (pUSD), positions and trading state, as its risk book keeps them.</summary>
[GenerateSerializer]
[Alias("Polytraders.Holdings")]
public sealed record Holdings(
    [property: Id(0)] decimal Balance,
    [property: Id(1)] List<Position> Positions,
    [property: Id(2)] TradingState TradingState);
