using Microsoft.Extensions.Logging;
using Polytraders.Contracts;
using Polytraders.Grains.Bots;
using Polytraders.Trading;
using Polytraders.Trading.Audit;
using Polytraders.Trading.Listing;
using Polytraders.Trading.Portfolios;

namespace Polytraders.Grains.Portfolios;

/// <summary>
/// A Portfolio: config, its one bound Strategy and its launches; its pUSD balance and positions are its risk book's. Every launch opens
/// with its own launch envelope in the Portfolio's audit chain, before the Strategy emits anything.
/// </summary>
public sealed partial class PortfolioGrain(
    [PersistentState("portfolio", StreamNames.GrainStorage)] IPersistentState<PortfolioGrainState> state,
    BotCatalogueHost bots,
    TimeProvider time,
    ILogger<PortfolioGrain> logger) : Grain, IPortfolioGrain
{
    public async Task Configure(PortfolioConfig config)
    {
        CheckKey(config);
        state.State.Portfolio = state.State.Portfolio is { } existing ? existing with { Config = config } : Opening(config);
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<IRiskGrain>(config.PortfolioId).Configure(config);
        await Publish();
    }

    public Task Seed(PortfolioConfig config) => Configure(state.State.Portfolio?.Config ?? config);

    public async Task<CommandResult> Create(PortfolioConfig config, string operatorId)
    {
        CheckKey(config);
        if (state.State.Portfolio is not null)
        {
            return CommandResult.Refused(ReasonCodes.GovPortfolioExists, $"Portfolio {config.PortfolioId} already exists; change its config with PUT /api/v1/portfolios/{config.PortfolioId}/config.");
        }

        var portfolio = Opening(config);
        if (!await Directory(config.TenantId).PutPortfolio(Summaries.Of(portfolio)))
        {
            return CommandResult.Refused(ReasonCodes.GovTenantPortfolioLimit, $"Tenant {config.TenantId} already has {TenantDirectory.MaxPortfolios} Portfolios.");
        }

        state.State.Portfolio = portfolio;
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<IRiskGrain>(config.PortfolioId).Configure(config);
        var detail = $"created: name {config.Name}, bankroll {config.Bankroll} pUSD, max_gross_exposure {config.RiskLimits.MaxGrossExposure}, status {ContractJson.Serialize(config.Status).Trim('"')}";
        await AuditGovernance(config, ReasonCodes.GovPortfolioCreated, operatorId, detail);
        LogCreated(config.PortfolioId, config.TenantId, operatorId);
        return CommandResult.Done(config.PortfolioId);
    }

    public async Task<CommandResult> ChangeConfig(PortfolioConfig config, string operatorId)
    {
        CheckKey(config);
        if (state.State.Portfolio is not { } portfolio)
        {
            return CommandResult.Refused(ReasonCodes.StratUnknownPortfolio, $"Portfolio {config.PortfolioId} does not exist.");
        }

        if (PortfolioConfigChange.FixedFieldChanged(portfolio.Config, config) is { } fixedField)
        {
            return CommandResult.Refused(fixedField.Code, fixedField.Message);
        }

        var differences = PortfolioConfigChange.Differences(portfolio.Config, config);
        if (differences.Count == 0)
        {
            return CommandResult.Done(config.PortfolioId);
        }

        // Risk checks the caps against its book and applies them in one turn, so no intent slips between the two.
        var applied = await GrainFactory.GetGrain<IRiskGrain>(config.PortfolioId).Reconfigure(config);
        if (!applied.Succeeded)
        {
            return applied;
        }

        state.State.Portfolio = portfolio with { Config = config };
        await state.WriteStateAsync();
        await AuditGovernance(config, ReasonCodes.GovPortfolioConfigChanged, operatorId, PortfolioConfigChange.Describe(differences));
        await Publish();
        LogConfigChanged(config.PortfolioId, differences.Count, operatorId);
        return CommandResult.Done(config.PortfolioId);
    }

    private static PortfolioState Opening(PortfolioConfig config) =>
        new() { Config = config, Balance = config.Bankroll, Positions = [], Launches = [], TradingState = TradingState.Active };

    private void CheckKey(PortfolioConfig config)
    {
        if (config.PortfolioId != this.GetPrimaryKeyString())
        {
            throw new ArgumentException($"Portfolio {config.PortfolioId} configured on grain {this.GetPrimaryKeyString()}.", nameof(config));
        }
    }

    private ITenantDirectoryGrain Directory(string tenantId) => GrainFactory.GetGrain<ITenantDirectoryGrain>(tenantId);

    /// <summary>Lists the Portfolio as it now is in its Tenant's directory (its binding and mode included).</summary>
    private Task<bool> Publish() =>
        Directory(state.State.Portfolio!.Config.TenantId).PutPortfolio(Summaries.Of(state.State.Portfolio));

    /// <summary>A governance link on the Portfolio's chain, in the running launch's context when one runs.</summary>
    private Task<AuditEnvelope> AuditGovernance(PortfolioConfig config, string reasonCode, string operatorId, string detail)
    {
        var portfolio = state.State.Portfolio!;
        var mode = portfolio.Launches.FirstOrDefault(l => l.LaunchId == portfolio.ActiveLaunchId)?.Mode ?? LaunchMode.Paper;
        var context = new AuditContext(config.TenantId, config.PortfolioId, portfolio.BoundStrategyId, portfolio.ActiveLaunchId, AuditModes.Of(mode), config.BuilderCode);
        var payload = new AuditPayload { Kind = AuditPayloadKind.Governance, Detail = detail };
        return Audit(context.Draft(reasonCode, $"operator:{operatorId}", payload, time.GetUtcNow()));
    }

    public async Task<PortfolioState?> GetState()
    {
        if (state.State.Portfolio is not { } portfolio)
        {
            return null;
        }

        // Cash and positions are the risk book's: one average-cost book of the Portfolio, written with each fill.
        var holdings = await GrainFactory.GetGrain<IRiskGrain>(portfolio.Config.PortfolioId).GetHoldings();
        return portfolio with { Balance = holdings.Balance, Positions = holdings.Positions, TradingState = holdings.TradingState };
    }

    public async Task<CommandResult> Launch(StrategyLaunch launch, string operatorId, string? relaunchedFrom = null)
    {
        if (state.State.Portfolio is not { } portfolio)
        {
            return CommandResult.Refused(ReasonCodes.StratUnknownPortfolio, $"Portfolio {this.GetPrimaryKeyString()} does not exist.");
        }

        if (launch.PortfolioId != portfolio.Config.PortfolioId)
        {
            return CommandResult.Refused(ReasonCodes.StratInvalidLaunch, $"The launch names portfolio {launch.PortfolioId}, not {portfolio.Config.PortfolioId}.");
        }

        // A launch runs as a registered Bot: its family and version resolve to a pinned spec, or nothing starts.
        if ((await bots.GetAsync()).Resolve(launch.Family, launch.Version) is not { } bot)
        {
            return CommandResult.Refused(ReasonCodes.StratUnregisteredBot, $"No registered Bot runs {launch.Family.ToString().ToLowerInvariant()} {launch.Version}; see GET /api/v1/bots.");
        }

        if (portfolio.BoundStrategyId is { } bound)
        {
            return CommandResult.Refused(ReasonCodes.StratPortfolioAlreadyBound, $"Portfolio {portfolio.Config.PortfolioId} already runs strategy {bound}; stop it first.");
        }

        // The mode needs its rung of the class's mode ladder (durable storage and a real key are items of the live rungs).
        var rung = await GrainFactory.GetGrain<IModeLadderGrain>(IModeLadderGrain.Key(portfolio.Config.TenantId, bot.Class)).CheckLaunch(launch.Mode, operatorId);
        if (!rung.Succeeded)
        {
            return rung;
        }

        // Execution would refuse each of its orders: the Strategy does not start rather than trade into refusals.
        var account = await GrainFactory.GetGrain<IExecutionGrain>(IExecutionGrain.Key).CheckAccount(portfolio.Config.PolymarketAccount);
        if (!account.Succeeded)
        {
            return account;
        }

        var strategy = GrainFactory.GetGrain<IStrategyGrain>(launch.StrategyId);
        if (await strategy.GetPortfolio() is { } elsewhere)
        {
            return CommandResult.Refused(ReasonCodes.StratAlreadyRunning, $"Strategy {launch.StrategyId} runs on {elsewhere}; relaunch it instead.");
        }

        var now = time.GetUtcNow();
        var launchId = $"LCH-{Guid.CreateVersion7(now):N}";
        var context = new AuditContext(portfolio.Config.TenantId, portfolio.Config.PortfolioId, launch.StrategyId, launchId, AuditModes.Of(launch.Mode), portfolio.Config.BuilderCode);
        var opening = relaunchedFrom is null
            ? new AuditPayload { Kind = AuditPayloadKind.Launch, Launch = launch }
            : new AuditPayload { Kind = AuditPayloadKind.Launch, Launch = launch, Detail = $"relaunched from {relaunchedFrom}" };
        await Audit(context.Draft(relaunchedFrom is null ? ReasonCodes.StratLaunched : ReasonCodes.StratRelaunched, $"operator:{operatorId}", opening, now));

        var record = new LaunchRecord { LaunchId = launchId, StrategyId = launch.StrategyId, PortfolioId = portfolio.Config.PortfolioId, Mode = launch.Mode, LaunchedAt = now, LaunchedBy = operatorId };
        state.State.Portfolio = portfolio with { BoundStrategyId = launch.StrategyId, ActiveLaunchId = launchId, Launches = [.. portfolio.Launches, record] };
        await state.WriteStateAsync();

        var started = await strategy.Start(launch, launchId, portfolio.Config.TenantId, portfolio.Config.BuilderCode);
        if (!started.Succeeded)
        {
            await CloseLaunch(context, $"operator:{operatorId}", $"launch could not start: {started.Detail}");
            return started;
        }

        await Publish();
        await Directory(portfolio.Config.TenantId).PutStrategy(new StrategySummary
        {
            StrategyId = launch.StrategyId,
            PortfolioId = portfolio.Config.PortfolioId,
            TenantId = portfolio.Config.TenantId,
            Status = StrategySummaryStatus.Running,
            BotId = bot.BotId,
            Mode = launch.Mode,
            LaunchedAt = now,
        });
        LogLaunched(portfolio.Config.PortfolioId, launch.StrategyId, launchId, operatorId);
        return CommandResult.Done(launchId);
    }

    public async Task<CommandResult> Stop(string strategyId, string operatorId, string reason)
    {
        if (state.State.Portfolio is not { } portfolio)
        {
            return CommandResult.Refused(ReasonCodes.StratUnknownPortfolio, $"Portfolio {this.GetPrimaryKeyString()} does not exist.");
        }

        if (portfolio.BoundStrategyId != strategyId || portfolio.ActiveLaunchId is not { } launchId)
        {
            return CommandResult.Refused(ReasonCodes.StratNotRunning, $"Strategy {strategyId} is not running on {portfolio.Config.PortfolioId}.");
        }

        await GrainFactory.GetGrain<IStrategyGrain>(strategyId).Stop(reason);
        var mode = portfolio.Launches.Last(l => l.LaunchId == launchId).Mode;
        var context = new AuditContext(portfolio.Config.TenantId, portfolio.Config.PortfolioId, strategyId, launchId, AuditModes.Of(mode), portfolio.Config.BuilderCode);
        await CloseLaunch(context, $"operator:{operatorId}", reason);
        return CommandResult.Done(launchId);
    }

    private async Task CloseLaunch(AuditContext context, string actor, string reason)
    {
        var portfolio = state.State.Portfolio!;
        var now = time.GetUtcNow();
        await Audit(context.Draft(ReasonCodes.StratStopped, actor, new AuditPayload { Kind = AuditPayloadKind.Stop, Detail = reason }, now));
        var launches = portfolio.Launches
            .Select(l => l.LaunchId == context.LaunchId ? l with { StoppedAt = now, StopReason = reason } : l)
            .ToList();
        state.State.Portfolio = portfolio with { BoundStrategyId = null, ActiveLaunchId = null, Launches = launches };
        await state.WriteStateAsync();
        await Publish();
        if (context.StrategyId is { } strategyId)
        {
            await Directory(context.TenantId).StrategyStopped(strategyId);
        }
    }

    private Task<AuditEnvelope> Audit(AuditEnvelope draft) =>
        GrainFactory.GetGrain<IAuditTrailGrain>(AuditChains.Of(draft)).Append(draft);

    [LoggerMessage(Level = LogLevel.Information, Message = "Portfolio {PortfolioId} created in tenant {TenantId} by {OperatorId}")]
    private partial void LogCreated(string portfolioId, string tenantId, string operatorId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Portfolio {PortfolioId}: config changed ({Differences} fields) by {OperatorId}")]
    private partial void LogConfigChanged(string portfolioId, int differences, string operatorId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Portfolio {PortfolioId}: strategy {StrategyId} launched as {LaunchId} by {OperatorId}")]
    private partial void LogLaunched(string portfolioId, string strategyId, string launchId, string operatorId);
}

[GenerateSerializer]
[Alias("Polytraders.PortfolioGrainState")]
public sealed class PortfolioGrainState
{
    /// <summary>Config, binding and launches; its balance and positions are not kept up to date here but read from risk.</summary>
    [Id(0)]
    public PortfolioState? Portfolio { get; set; }
}
