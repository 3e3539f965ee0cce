using Orleans.Concurrency;
using Polytraders.Contracts;

namespace Polytraders.Grains;

/// <summary>
/// A Strategy (key: strategy id): subscribes to the streams of the markets in its Market scope, turns prices into
/// Signals and OrderIntents for its Portfolio's risk grain. Later stages reach it only by one-way messages.
/// </summary>
[Alias("Polytraders.IStrategyGrain")]
public interface IStrategyGrain : IGrainWithStringKey
{
    [Alias("Start")]
    Task<CommandResult> Start(StrategyLaunch launch, string launchId, string tenantId, string builderCode);

    [Alias("Stop")]
    Task Stop(string reason);

    [Alias("GetState")]
    Task<StrategyState> GetState();

    /// <summary>Where the Strategy runs now, so a relaunch knows which Portfolio to stop.</summary>
    [Alias("GetPortfolio")]
    Task<string?> GetPortfolio();

    /// <summary>
    /// An operator puts a market on the running launch's manual list (already there: done, unchanged). Refused for a
    /// Cluster scope, a 51st market, an unknown or resolved market; returns once the IN_SCOPE envelope is on the chain.
    /// </summary>
    [Alias("SelectMarket")]
    Task<CommandResult> SelectMarket(string marketId, string operatorId);

    /// <summary>
    /// An operator takes a market off the running launch's manual list (not there: done, unchanged); a position in it is
    /// sold or stranded as on any scope removal. Refused for a Cluster scope, an unknown market and the list's last one.
    /// </summary>
    [Alias("DeselectMarket")]
    Task<CommandResult> DeselectMarket(string marketId, string operatorId);

    [OneWay]
    [Alias("OnScopeChanged")]
    Task OnScopeChanged(string marketId, bool entered, string reasonCode);

    /// <summary>
    /// Idempotent by <see cref="Fill.FillId"/>; returns once what the fill changed is written, so the order grain that
    /// reports it knows the Strategy has it (a report lost with a dead silo is reported again).
    /// </summary>
    [Alias("OnFill")]
    Task OnFill([Immutable] Fill fill);

    /// <summary>
    /// A booked fill whose settlement failed: the position gives it back. Idempotent while a position refers to the
    /// fill's order (the core ignores orders none refers to); returns once what it changed is written.
    /// </summary>
    [Alias("OnFillReversed")]
    Task OnFillReversed(Fill fill);

    /// <summary>
    /// One-way, from risk: these intents are decided and written there, so the Strategy no longer keeps them to send
    /// again after a restart (their outcomes still come by <see cref="OnFill"/> and <see cref="OnIntentRejected"/>).
    /// </summary>
    [OneWay]
    [Alias("OnIntentsDecided")]
    Task OnIntentsDecided([Immutable] List<string> clientOrderIds);

    /// <summary>The intent's order ended without (further) fills; returns once the Strategy has written it.</summary>
    [Alias("OnIntentRejected")]
    Task OnIntentRejected(string clientOrderId, string reasonCode);
}
