using Orleans.Concurrency;
using Polytraders.Contracts;

namespace Polytraders.Grains;

/// <summary>A Portfolio (key: e.g. PORT-001): config, pUSD balance, positions, its one bound Strategy and its launches.</summary>
[Alias("Polytraders.IPortfolioGrain")]
public interface IPortfolioGrain : IGrainWithStringKey
{
    [Alias("Configure")]
    Task Configure(PortfolioConfig config);

    [Alias("GetState")]
    Task<PortfolioState?> GetState();

    /// <summary>
    /// Binds the Strategy and starts it; refused with a reason code when the Portfolio already runs one. A relaunch
    /// names the Portfolio the Strategy was stopped on, and opens with STRAT_RELAUNCHED instead of STRAT_LAUNCHED.
    /// </summary>
    [Alias("Launch")]
    Task<CommandResult> Launch(StrategyLaunch launch, string operatorId, string? relaunchedFrom = null);

    [Alias("Stop")]
    Task<CommandResult> Stop(string strategyId, string operatorId, string reason);
}
