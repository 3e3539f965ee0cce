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

    /// <summary>One-way: the Strategy never waits on risk. The context says which launch (and mode) the intent belongs to.</summary>
    [OneWay]
    [Alias("Submit")]
    Task Submit(OrderIntent intent, AuditContext context);

    /// <summary>One-way, idempotent by <see cref="Fill.FillId"/>.</summary>
    [OneWay]
    [Alias("OnFill")]
    Task OnFill(Fill fill);

    /// <summary>
    /// One-way, from execution: the order was closed without (further) fills (refused, unfilled, reconciled, failed),
    /// so its reservation goes. Idempotent; an order risk no longer holds is ignored.
    /// </summary>
    [OneWay]
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
}
