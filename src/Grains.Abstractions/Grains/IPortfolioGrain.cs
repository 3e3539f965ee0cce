using Orleans.Concurrency;
using Polytraders.Contracts;

namespace Polytraders.Grains;

/// <summary>A Portfolio (key: e.g. PORT-001): config, pUSD balance, positions, its one bound Strategy and its launches.</summary>
[Alias("Polytraders.IPortfolioGrain")]
public interface IPortfolioGrain : IGrainWithStringKey
{
    /// <summary>Sets the config as given, unchecked and unaudited: for tests and tools that build a cluster by hand.</summary>
    [Alias("Configure")]
    Task Configure(PortfolioConfig config);

    /// <summary>
    /// A Portfolio from the seed files: configured when it does not exist yet; one that exists keeps the config it has
    /// (the API may have changed it) and is listed in its Tenant's directory.
    /// </summary>
    [Alias("Seed")]
    Task Seed(PortfolioConfig config);

    /// <summary>
    /// An operator creates the Portfolio (GOV_PORTFOLIO_CREATED opens its chain); refused with GOV_PORTFOLIO_EXISTS or
    /// GOV_TENANT_PORTFOLIO_LIMIT. The config has passed its contract and rules.
    /// </summary>
    [Alias("Create")]
    Task<CommandResult> Create(PortfolioConfig config, string operatorId);

    /// <summary>
    /// An operator replaces the config (GOV_PORTFOLIO_CONFIG_CHANGED, naming each difference); refused with
    /// GOV_PORTFOLIO_FIELD_IMMUTABLE or, when a cap falls below what is held, RISK_CAP_BELOW_EXPOSURE.
    /// </summary>
    [Alias("ChangeConfig")]
    Task<CommandResult> ChangeConfig(PortfolioConfig config, string operatorId);

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
